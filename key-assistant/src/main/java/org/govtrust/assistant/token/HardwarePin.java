package org.govtrust.assistant.token;

/** What a PKCS#11 token itself reports about its user PIN (CKF_USER_PIN_* flags); soft tokens report nothing. */
public record HardwarePin(boolean locked, boolean finalTry, boolean countLow) {

	public static final HardwarePin NONE = new HardwarePin(false, false, false);

	static final long CKF_USER_PIN_COUNT_LOW = 0x00010000L;

	static final long CKF_USER_PIN_FINAL_TRY = 0x00020000L;

	static final long CKF_USER_PIN_LOCKED = 0x00040000L;

	static HardwarePin fromFlags(long flags) {
		return new HardwarePin((flags & CKF_USER_PIN_LOCKED) != 0, (flags & CKF_USER_PIN_FINAL_TRY) != 0,
				(flags & CKF_USER_PIN_COUNT_LOW) != 0);
	}
}
