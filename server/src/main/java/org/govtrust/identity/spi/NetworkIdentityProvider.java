package org.govtrust.identity.spi;

import java.net.URI;

/**
 * Network identity (CTID 网证 / national network identity): the person proves who they are
 * in the provider's app, and the provider tells us the result.
 */
public interface NetworkIdentityProvider {

	/**
	 * Starts an authentication.
	 * @param returnUri where the provider sends the person back
	 * @return the provider's transaction and the address to send the person to
	 */
	Start start(URI returnUri);

	/**
	 * Fetches the result of a transaction, server to server.
	 * @param transactionId the transaction
	 * @return the result
	 */
	NetworkIdentityResult complete(String transactionId);

	/**
	 * A started authentication.
	 *
	 * @param transactionId the provider's transaction id
	 * @param authorizationUri where to send the person
	 */
	record Start(String transactionId, URI authorizationUri) {

	}

}
