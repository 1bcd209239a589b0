package org.govtrust.ca;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The RFC 5280 reasons an officer or a legal representative can give (certificateHold is a
 * suspension, removeFromCRL its end; neither is chosen here).
 */
public enum RevocationReason {

	/** No reason given. */
	UNSPECIFIED(0),
	/** The private key may be known to someone else (lost key, stolen PIN). */
	KEY_COMPROMISE(1),
	/** The enterprise's details changed. */
	AFFILIATION_CHANGED(3),
	/** Replaced by another certificate. */
	SUPERSEDED(4),
	/** The enterprise stopped operating or no longer needs it. */
	CESSATION_OF_OPERATION(5),
	/** Suspended (certificateHold). */
	CERTIFICATE_HOLD(6),
	/** The right to hold it was withdrawn. */
	PRIVILEGE_WITHDRAWN(9);

	private final int code;

	RevocationReason(int code) {
		this.code = code;
	}

	/**
	 * The CRLReason code.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	public static @Nullable RevocationReason of(@Nullable Integer code) {
		if (code == null) {
			return null;
		}
		for (RevocationReason reason : values()) {
			if (reason.code == code) {
				return reason;
			}
		}
		return UNSPECIFIED;
	}

	/**
	 * Parses a reason an officer chose; a suspension is not one.
	 * @param value the name
	 * @return the reason, or null
	 */
	public static @Nullable RevocationReason parse(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			RevocationReason reason = valueOf(value.strip().toUpperCase(Locale.ROOT));
			return reason == CERTIFICATE_HOLD ? null : reason;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
