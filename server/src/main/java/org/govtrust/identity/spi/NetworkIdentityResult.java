package org.govtrust.identity.spi;

/**
 * The result of a network-identity authentication.
 */
public sealed interface NetworkIdentityResult permits NetworkIdentityResult.Authenticated,
		NetworkIdentityResult.NoCredential, NetworkIdentityResult.Declined, NetworkIdentityResult.Pending,
		NetworkIdentityResult.Unavailable {

	/**
	 * The stable outcome name recorded in the verification history.
	 * @return the name
	 */
	String outcome();

	/**
	 * The person authenticated; the provider vouches for these elements.
	 * @param elements the elements from the network credential
	 * @param providerReference the provider's serial number
	 */
	record Authenticated(IdentityElements elements, String providerReference) implements NetworkIdentityResult {
		public String outcome() {
			return "VERIFIED";
		}
	}

	/** The person has not opened a network credential (网证) yet. */
	record NoCredential() implements NetworkIdentityResult {
		public String outcome() {
			return "NO_CREDENTIAL";
		}
	}

	/** The person declined or cancelled in the app. */
	record Declined() implements NetworkIdentityResult {
		public String outcome() {
			return "DECLINED";
		}
	}

	/** The person has not finished in the app yet. */
	record Pending() implements NetworkIdentityResult {
		public String outcome() {
			return "PENDING";
		}
	}

	/** The provider could not be reached, or the transaction is unknown or expired. */
	record Unavailable() implements NetworkIdentityResult {
		public String outcome() {
			return "PROVIDER_UNAVAILABLE";
		}
	}

}
