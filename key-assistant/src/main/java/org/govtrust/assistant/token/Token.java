package org.govtrust.assistant.token;

import java.util.List;

/**
 * A key store holding the enterprise's keys: a PKCS#11 token (USB key) or a PKCS#12 soft token. PIN attempts
 * must go through {@link PinGuard}, which keeps the assistant's own try counter.
 */
public interface Token {

	/** "pkcs11:&lt;token serial&gt;" or "file:&lt;file name&gt;". */
	String id();

	String label();

	TokenKind kind();

	HardwarePin hardwarePin();

	/** End-entity certificates, placeholders included, read without the PIN. */
	List<TokenCertificate> certificates();

	/** Logs in; throws {@link PinRejectedException} for a wrong PIN. Use {@link PinGuard#open}. */
	TokenSession login(char[] pin);

	/** Changes the user PIN; throws {@link PinRejectedException} when the old PIN is wrong. */
	void changePin(char[] oldPin, char[] newPin);

	/** Sets a new user PIN with the security officer's PIN (counter staff); PKCS#11 only. */
	void resetPin(char[] soPin, char[] newPin);
}
