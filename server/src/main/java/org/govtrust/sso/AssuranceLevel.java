package org.govtrust.sso;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The assurance ladder carried in {@code acr}: a password login of an unverified account
 * &lt; an SMS-code login or a real-name-verified account &lt; a counter-verified account &lt;
 * a USB-key certificate. Apps ask for a minimum with {@code acr_values}; the server
 * enforces it.
 */
public enum AssuranceLevel {

	/** Password only, real name not verified. */
	LOA1("urn:govtrust:loa:1"),
	/** SMS code to the real-name phone, or a real-name-verified account. */
	LOA2("urn:govtrust:loa:2"),
	/** Real name verified in person at a counter, or a legal-person certificate on a soft token. */
	LOA3("urn:govtrust:loa:3"),
	/** A legal-person certificate on a USB key, with its PIN. */
	LOA4("urn:govtrust:loa:4");

	private final String uri;

	AssuranceLevel(String uri) {
		this.uri = uri;
	}

	public String uri() {
		return this.uri;
	}

	/**
	 * Parses an {@code acr} value: the URI, or {@code loa1}..{@code loa4}.
	 * @param value the value
	 * @return the level, or null when unknown
	 */
	public static @Nullable AssuranceLevel parse(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip().toLowerCase(Locale.ROOT);
		for (AssuranceLevel level : values()) {
			if (level.uri.equals(v) || level.name().toLowerCase(Locale.ROOT).equals(v)) {
				return level;
			}
		}
		return null;
	}

	/**
	 * The highest level named in a space-separated {@code acr_values}.
	 * @param acrValues the parameter
	 * @return the level, or null when none is known
	 */
	public static @Nullable AssuranceLevel highest(@Nullable String acrValues) {
		if (acrValues == null || acrValues.isBlank()) {
			return null;
		}
		AssuranceLevel highest = null;
		for (String part : acrValues.strip().split("\\s+")) {
			AssuranceLevel level = parse(part);
			if (level != null && (highest == null || level.compareTo(highest) > 0)) {
				highest = level;
			}
		}
		return highest;
	}

}
