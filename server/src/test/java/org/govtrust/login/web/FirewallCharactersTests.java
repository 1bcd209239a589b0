package org.govtrust.login.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FirewallCharacters} accepts exactly what Spring's firewall accepts by default, for
 * header names, header values and parameter names, without its regular expressions.
 */
class FirewallCharactersTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "text/html, */*; q=0.8", "a\tb", "a\nb",
			"a\rb", "\u0000", "\u007f", "\u0080", "\u009f", "\u00a0", "王小明", "\ud83d\ude00", "\ud800", "\udfff",
			"\u0378", "\ufffe", "\uffff", "\u200b", "\u2028", "zh-CN,zh;q=0.9,en;q=0.8", "\u0001x", "x\u001f" })
	void acceptsWhatSpringsFirewallAccepts(String text) {
		assertThat(FirewallCharacters.NAMES.test(text)).as("name %s", codes(text))
			.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
		assertThat(FirewallCharacters.VALUES.test(text)).as("value %s", codes(text))
			.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
		assertThat(FirewallCharacters.NAMES.test(text)).as("parameter name %s", codes(text))
			.isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(text));
	}

	@Test
	void acceptsWhatSpringsFirewallAcceptsForEveryCodePoint() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + new String(Character.toChars(codePoint)) + "b";
			if (FirewallCharacters.VALUES.test(text) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text)
					|| FirewallCharacters.NAMES.test(text) != StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text)) {
				throw new AssertionError("differs at U+" + Integer.toHexString(codePoint));
			}
		}
	}

	@Test
	void theFirewallRejectsAControlCharacterInAHeader() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/userinfo");
		request.addHeader("Authorization", "Bearer a\u0000b");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> FirewallCharacters.firewall().getFirewalledRequest(request).getHeader("Authorization"));
	}

	private static String codes(String text) {
		StringBuilder codes = new StringBuilder();
		text.codePoints().forEach((c) -> codes.append(" U+").append(Integer.toHexString(c)));
		return codes.toString();
	}

}
