package org.govtrust.assistant.token;

/** A USB key reached through a PKCS#11 library, or a PKCS#12 "soft token" file. */
public enum TokenKind {
	PKCS11, PKCS12
}
