package org.govtrust.sso;

import org.govtrust.identity.RealNameLevel;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;

/**
 * The assurance level of a signed-in citizen: counter-verified accounts reach LOA3; an SMS
 * login or a real-name-verified account LOA2; a password login of an unverified account
 * LOA1. A legal person's certificate login: LOA4 with a USB key, LOA3 with a soft token.
 */
public final class Levels {

	private Levels() {
	}

	public static AssuranceLevel of(SignedIn who, @Nullable RealNameLevel realName) {
		if ("CERTIFICATE".equals(who.method())) {
			return AssuranceLevel.LOA4;
		}
		if ("SOFT_CERTIFICATE".equals(who.method())) {
			return AssuranceLevel.LOA3;
		}
		AssuranceLevel byRealName = ofPassword(realName);
		return ("SMS".equals(who.method()) && byRealName.compareTo(AssuranceLevel.LOA2) < 0) ? AssuranceLevel.LOA2
				: byRealName;
	}

	/**
	 * The level a citizen's password sign-in reaches: what the real name alone gives.
	 * @param realName how the account's real name was verified
	 * @return LOA3 counter-verified, LOA2 verified online, otherwise LOA1
	 */
	public static AssuranceLevel ofPassword(@Nullable RealNameLevel realName) {
		if (realName == RealNameLevel.COUNTER_VERIFIED) {
			return AssuranceLevel.LOA3;
		}
		return (realName == RealNameLevel.ONLINE_VERIFIED) ? AssuranceLevel.LOA2 : AssuranceLevel.LOA1;
	}

	/**
	 * The {@code amr} value of a login method (RFC 8176).
	 * @param method the method
	 * @return {@code sms} or {@code pwd}
	 */
	public static String amr(String method) {
		return switch (method) {
			case "SMS" -> "sms";
			case "CERTIFICATE" -> "hwk";
			case "SOFT_CERTIFICATE" -> "swk";
			default -> "pwd";
		};
	}

}
