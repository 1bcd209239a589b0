package org.govtrust.identity;

import org.jspecify.annotations.Nullable;

/**
 * The first step of a registration, as entered.
 *
 * @param name the name as on the ID card
 * @param idNumber the 18-character ID number
 * @param validFrom the card's start date ({@code yyyy-MM-dd}, {@code yyyy.MM.dd} or
 * {@code yyyyMMdd})
 * @param validTo the card's end date, or {@code 长期}/empty with {@code longTerm}
 * @param longTerm whether the card is long-term (长期)
 * @param phone the mobile number
 * @param confirmUnusualValidity the person confirms dates whose term does not fit the age
 * rule
 */
public record StartRegistrationCommand(@Nullable String name, @Nullable String idNumber, @Nullable String validFrom,
		@Nullable String validTo, @Nullable Boolean longTerm, @Nullable String phone,
		@Nullable Boolean confirmUnusualValidity) {

	/**
	 * Whether the card is marked long-term.
	 * @return true when ticked
	 */
	public boolean isLongTerm() {
		return Boolean.TRUE.equals(this.longTerm);
	}

	/**
	 * Whether unusual dates were confirmed.
	 * @return true when ticked
	 */
	public boolean isUnusualValidityConfirmed() {
		return Boolean.TRUE.equals(this.confirmUnusualValidity);
	}

	@Override
	public String toString() {
		return "StartRegistrationCommand[redacted]";
	}

}
