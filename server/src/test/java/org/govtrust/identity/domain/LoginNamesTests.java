package org.govtrust.identity.domain;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LoginNames}.
 */
class LoginNamesTests {

	@ParameterizedTest
	@CsvSource({ "ZhangSan, zhangsan", "'  Zhang.San_1-x  ', zhang.san_1-x", "abcd, abcd", "A123, a123" })
	void normaliseWhenValidThenLowerCaseStripped(String raw, String expected) {
		assertThat(LoginNames.normalise(raw)).isEqualTo(expected);
	}

	@Test
	void normaliseWhenThirtyTwoCharactersThenAccepted() {
		String name = "a" + "b".repeat(31);
		assertThat(LoginNames.normalise(name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "   ", "", "\t" })
	void normaliseWhenBlankThenNull(String raw) {
		assertThat(LoginNames.normalise(raw)).isNull();
	}

	@Test
	void normaliseWhenNullThenNull() {
		assertThat(LoginNames.normalise(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "a", "1abcd", "13812345678", "11010519491231002X", "_abcd", ".abcd", "-abcd",
			"zhang san", "zhang@san", "张三丰abc", "abcé", "ａbcd1" })
	void normaliseWhenMalformedThenLoginNameFormat(String raw) {
		assertThatExceptionOfType(TrustException.class).isThrownBy(() -> LoginNames.normalise(raw)).satisfies((ex) -> {
			assertThat(ex.getErrorCode()).isEqualTo(IdentityError.LOGIN_NAME_FORMAT);
			assertThat(ex.getField()).isEqualTo("loginName");
		});
	}

	@Test
	void normaliseWhenThirtyThreeCharactersThenLoginNameFormat() {
		assertThatExceptionOfType(TrustException.class)
			.isThrownBy(() -> LoginNames.normalise("a" + "b".repeat(32)))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(IdentityError.LOGIN_NAME_FORMAT));
	}

}
