package org.govtrust.assistant.token;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private key on a token (it never leaves a PKCS#11 token) with its certificate chain. */
public record KeyEntry(String alias, PrivateKey privateKey, X509Certificate[] chain) {

	public X509Certificate certificate() {
		return chain[0];
	}
}
