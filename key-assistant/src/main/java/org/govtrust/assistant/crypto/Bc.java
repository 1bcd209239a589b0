package org.govtrust.assistant.crypto;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider, registered once (after the JDK's own providers). */
public final class Bc {

	public static final Provider PROVIDER;

	static {
		Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
		if (existing == null) {
			existing = new BouncyCastleProvider();
			Security.addProvider(existing);
		}
		PROVIDER = existing;
	}

	private Bc() {
	}

	/** Makes sure the provider is registered. */
	public static Provider provider() {
		return PROVIDER;
	}
}
