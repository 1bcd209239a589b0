package org.govtrust.login.web;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring's firewall with its own character rules for header names, header values and
 * parameter names, checked by a loop over the code points instead of the regular expressions
 * it uses by default ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and tab also allowed in
 * values). Every request's headers pass through these checks; the expressions took 4 % of the
 * CPU of a userinfo call, whose header holds a token of about 800 characters.
 */
final class FirewallCharacters {

	/** Assigned code points that are not control characters. */
	static final Predicate<String> NAMES = (name) -> allowed(name, false);

	/** The same, and tab. */
	static final Predicate<String> VALUES = (value) -> allowed(value, true);

	private FirewallCharacters() {
	}

	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAMES);
		firewall.setAllowedHeaderValues(VALUES);
		firewall.setAllowedParameterNames(NAMES);
		return firewall;
	}

	private static boolean allowed(String text, boolean tab) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			// ASCII printable characters first: nearly every header is only these
			if (codePoint < 0x20 || codePoint >= 0x7f) {
				int type = Character.getType(codePoint);
				if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
					return false;
				}
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
