package org.govtrust.identity.domain;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.ErrorCode;
import org.govtrust.shared.error.TrustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link PasswordPolicy}.
 */
class PasswordPolicyTests {

	private static final List<String> PERSONAL = List.of("11010519491231002X", "13812345678", "zhangsan");

	@ParameterizedTest
	@ValueSource(strings = { "Tq7#mVx2", "rain-Bow-42", "correct horse battery staple", "静夜思:床前明月光", "床前明月光疑是1",
			"Zz9!Zz9!Zz9!" })
	void checkWhenStrongPasswordThenAccepted(String password) {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check(password, PERSONAL));
	}

	@Test
	void checkWhenSevenCharactersThenPasswordLengthWithLimits() {
		TrustException ex = assertTrustError(() -> PasswordPolicy.check("Tq7#mVx", PERSONAL),
				IdentityError.PASSWORD_LENGTH);
		assertThat(ex.getArguments()).containsExactly(8, 64);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tq7#m\ud800Vx2", "Tq7#mVx2\udfff", "Tq7#m\tVx2", "Tq7#mVx2\n" })
	void checkWhenLoneSurrogateOrControlCharacterThenPasswordCharacters(String password) {
		assertTrustError(() -> PasswordPolicy.check(password, PERSONAL), IdentityError.PASSWORD_CHARACTERS);
	}

	@Test
	void checkWhenWholeSurrogatePairThenAccepted() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("Tq7#m\ud83d\ude00Vx2", PERSONAL));
	}

	@Test
	void checkWhenEightCharactersThenAccepted() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("Tq7#mVx2", PERSONAL));
	}

	@Test
	void checkWhenSixtyFourCharactersThenAccepted() {
		String password = "Ab3$".repeat(16);
		assertThat(password).hasSize(64);
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check(password, PERSONAL));
	}

	@Test
	void checkWhenSixtyFiveCharactersThenPasswordLength() {
		assertTrustError(() -> PasswordPolicy.check("Ab3$".repeat(16) + "x", PERSONAL), IdentityError.PASSWORD_LENGTH);
	}

	@Test
	void checkWhenSupplementaryCharactersThenCountedAsOneEach() {
		// 7 characters in 10 UTF-16 units: too short although length() is 10
		String seven = "𠀀1𠀁2𠀂3!";
		assertThat(seven).hasSize(10);
		assertTrustError(() -> PasswordPolicy.check(seven, PERSONAL), IdentityError.PASSWORD_LENGTH);
		// 64 characters in 96 UTF-16 units: accepted
		String sixtyFour = "𠀀1𠀁2".repeat(16);
		assertThat(sixtyFour).hasSize(96);
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check(sixtyFour, PERSONAL));
	}

	@Test
	void checkWhenNullThenPasswordLength() {
		assertTrustError(() -> PasswordPolicy.check(null, PERSONAL), IdentityError.PASSWORD_LENGTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abcdefgh", "ABCDEFGHIJ", "98765432", "!@#$%^&*", "password", "12345678", "密码密码密码密码" })
	void checkWhenOnlyOneKindOfCharacterThenPasswordClasses(String password) {
		assertTrustError(() -> PasswordPolicy.check(password, PERSONAL), IdentityError.PASSWORD_CLASSES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abcdefg1", "abcdefg!", "1234567!" })
	void checkWhenTwoKindsOfCharacterThenAccepted(String password) {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check(password, List.of()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "x11010519491231002Xy", "a11010519491231002x!", "+8613812345678", "ZhangSan#2024",
			"my-ZHANGSAN-1" })
	void checkWhenContainsPersonalValueIgnoringCaseThenPasswordPersonal(String password) {
		assertTrustError(() -> PasswordPolicy.check(password, PERSONAL), IdentityError.PASSWORD_PERSONAL);
	}

	@Test
	void checkWhenPersonalValueShorterThanFourThenIgnored() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("li#Tq7mVx2", List.of("li", "Tq7")));
	}

	@Test
	void checkWhenPersonalValueOfFourThenChecked() {
		assertTrustError(() -> PasswordPolicy.check("Tq7#mVx2", List.of("mvx2")), IdentityError.PASSWORD_PERSONAL);
	}

	@Test
	void checkWhenPersonalValuesContainNullThenIgnored() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("Tq7#mVx2", Arrays.asList(null, "13812345678")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1", "Password1", "P@ssw0rd", "PASSW0RD", "1qaz2wsx", "1Q2W3E4R", "abc123456",
			"Admin123", "woaini1314", "qwe12345" })
	void checkWhenCommonPasswordIgnoringCaseThenPasswordCommon(String password) {
		assertTrustError(() -> PasswordPolicy.check(password, List.of()), IdentityError.PASSWORD_COMMON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a1a1a1a1", "1!1!1!1!1!", "99999999a" })
	void checkWhenTwoOrFewerDistinctCharactersThenPasswordCommon(String password) {
		assertTrustError(() -> PasswordPolicy.check(password, List.of()), IdentityError.PASSWORD_COMMON);
	}

	@Test
	void checkWhenThreeDistinctCharactersThenAccepted() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("ab1ab1ab", List.of()));
	}

	private static TrustException assertTrustError(ThrowingCallable call, ErrorCode code) {
		TrustException ex = catchThrowableOfType(TrustException.class, call);
		assertThat(ex).as("expected %s", code).isNotNull();
		assertThat(ex.getErrorCode()).isEqualTo(code);
		assertThat(ex.getField()).isEqualTo("password");
		return ex;
	}

}
