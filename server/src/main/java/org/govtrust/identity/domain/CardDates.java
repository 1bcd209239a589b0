package org.govtrust.identity.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;

/**
 * Card dates as people type them: {@code 2016-04-12}, {@code 2016.04.12} (as printed on the
 * card), {@code 20160412}, {@code 2016/04/12}; and the end date {@code 长期} or the vendor
 * encodings of long-term ({@code 20991231}, {@code 99991231}, {@code 00000000}).
 */
public final class CardDates {

	/** Strict: a day the month does not have is refused, never moved to the month's last day. */
	private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("uuuu.MM.dd").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT));

	/** Written as one of {@link #FORMATS}, with a month and a day in range, whether or not the month has that day. */
	private static final Pattern DATE_SHAPE = Pattern
		.compile("\\d{4}([-./]?)(0[1-9]|1[0-2])\\1(0[1-9]|[12]\\d|3[01])");

	private static final List<String> LONG_TERM = List.of("长期", "long-term", "longterm", "20991231", "99991231",
			"00000000");

	private CardDates() {
	}

	/**
	 * Whether an end date means long-term.
	 * @param value the input
	 * @return true for 长期 and its encodings
	 */
	public static boolean isLongTerm(@Nullable String value) {
		return value != null && LONG_TERM.contains(value.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * The start date.
	 * @param value the input
	 * @return the date
	 * @throws TrustException {@code IDN-1020} on the field {@code validFrom}, {@code IDN-1028}
	 * for a day the month does not have
	 */
	public static LocalDate from(@Nullable String value) {
		return parse(value, "validFrom", IdentityError.VALID_FROM_REQUIRED);
	}

	/**
	 * The end date.
	 * @param value the input
	 * @param longTerm whether 长期 was ticked
	 * @return the date, or null for long-term
	 * @throws TrustException {@code IDN-1023} on the field {@code validTo}, {@code IDN-1028}
	 * for a day the month does not have
	 */
	public static @Nullable LocalDate to(@Nullable String value, boolean longTerm) {
		if (longTerm || isLongTerm(value)) {
			return null;
		}
		return parse(value, "validTo", IdentityError.VALID_TO_REQUIRED);
	}

	private static LocalDate parse(@Nullable String value, String field, IdentityError error) {
		if (value == null || value.isBlank()) {
			throw TrustException.forField(field, error);
		}
		String text = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
		for (DateTimeFormatter format : FORMATS) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		if (DATE_SHAPE.matcher(text).matches()) {
			throw TrustException.forField(field, IdentityError.DATE_DOES_NOT_EXIST, text);
		}
		throw TrustException.forField(field, error);
	}

}
