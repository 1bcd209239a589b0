package org.govtrust.assistant.token;

import java.security.cert.X509Certificate;

import org.govtrust.assistant.crypto.Certs;

/** An end-entity certificate on a token, readable without the PIN. */
public record TokenCertificate(String alias, X509Certificate certificate) {

	/** A self-signed stand-in stored by keygen until the issued certificate is installed. */
	public boolean placeholder() {
		return Certs.isPlaceholder(certificate);
	}
}
