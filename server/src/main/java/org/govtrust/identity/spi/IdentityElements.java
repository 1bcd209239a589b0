package org.govtrust.identity.spi;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The four identity elements (身份四要素) as printed on the resident ID card.
 *
 * @param name the normalised name
 * @param idNumber the canonical 18-character ID number
 * @param validFrom the card's start date
 * @param validTo the card's end date, or null for a long-term (长期) card
 */
public record IdentityElements(String name, String idNumber, LocalDate validFrom, @Nullable LocalDate validTo) {

	/**
	 * Whether the card is long-term.
	 * @return true for 长期
	 */
	public boolean longTerm() {
		return this.validTo == null;
	}

	@Override
	public String toString() {
		return "IdentityElements[redacted]";
	}

}
