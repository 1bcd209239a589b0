package org.govtrust.sso;

import org.govtrust.identity.RealNameLevel;
import org.govtrust.shared.security.SignedIn;

/**
 * The assurance level of a signed-in citizen: counter-verified accounts reach LOA3; an SMS
 * login or a real-name-verified account LOA2; a password login of an unverified account
 * LOA1. (LOA4, the USB-key certificate, arrives with the CA.)
 */
public final class Levels {

	private Levels() {
	}

	public static AssuranceLevel of(SignedIn who, RealNameLevel realName) {
		if (realName == RealNameLevel.COUNTER_VERIFIED) {
			return AssuranceLevel.LOA3;
		}
		if ("SMS".equals(who.method()) || realName == RealNameLevel.ONLINE_VERIFIED) {
			return AssuranceLevel.LOA2;
		}
		return AssuranceLevel.LOA1;
	}

	/**
	 * The {@code amr} value of a login method (RFC 8176).
	 * @param method the method
	 * @return {@code sms} or {@code pwd}
	 */
	public static String amr(String method) {
		return "SMS".equals(method) ? "sms" : "pwd";
	}

}
