package org.govtrust.assistant.token;

/** The token refused a PIN: wrong, or (lockedByToken) the token itself has locked the PIN. */
public class PinRejectedException extends RuntimeException {

	private final boolean lockedByToken;

	public PinRejectedException(boolean lockedByToken, Throwable cause) {
		super(lockedByToken ? "PIN locked by the token" : "PIN incorrect", cause);
		this.lockedByToken = lockedByToken;
	}

	public boolean lockedByToken() {
		return lockedByToken;
	}
}
