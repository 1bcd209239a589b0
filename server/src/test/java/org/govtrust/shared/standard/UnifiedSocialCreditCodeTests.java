package org.govtrust.shared.standard;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.govtrust.shared.standard.UnifiedSocialCreditCode.Check;
import org.govtrust.shared.standard.UnifiedSocialCreditCode.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UnifiedSocialCreditCode}: the verified vectors of domain-spec §2 and §9,
 * and properties of the MOD 31 check over more than 2000 generated codes.
 */
class UnifiedSocialCreditCodeTests {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final List<String> GENERATED = generate();

	@Test
	void alphabetWhenReadThenThirtyOneSymbolsWithoutIOSVZ() {
		assertThat(UnifiedSocialCreditCode.ALPHABET).isEqualTo(ALPHABET).hasSize(31).doesNotContain("I", "O", "S",
				"V", "Z");
	}

	@ParameterizedTest
	@CsvSource({ "91350100M000100Y4, 3", "11100000000013338, W", "91310000MA1FL0007, C", "11430000006122244, L",
			"11330105002500287, C", "11370800MB2855918, 4", "11370000004503027, 0" })
	void checkCharacterWhenSpecVectorThenExpectedCharacter(String body, char expected) {
		assertThat(UnifiedSocialCreditCode.checkCharacter(body)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "11100000000013338W", "91310000MA1FL0007C", "11430000006122244L",
			"11330105002500287C", "11370800MB28559184", "113700000045030270" })
	void checkWhenSpecVectorThenValid(String code) {
		assertThat(UnifiedSocialCreditCode.check(code)).isEqualTo(new Check(code, null, 0));
		assertThat(UnifiedSocialCreditCode.check(code).valid()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "91350100m000100y43, 91350100M000100Y43", "'9135-0100-M000-100Y-43', 91350100M000100Y43",
			"' 91310000 ma1fl0007c ', 91310000MA1FL0007C", "'１１１０００００００００１３３３８ｗ', 11100000000013338W",
			"'11100000-000013338-w', 11100000000013338W" })
	void checkWhenLowerCaseHyphensSpacesOrFullWidthThenValidWithCanonicalForm(String raw, String canonical) {
		assertThat(UnifiedSocialCreditCode.check(raw)).isEqualTo(new Check(canonical, null, 0));
	}

	@Test
	void normaliseWhenTypedWithHyphensAndLowerCaseThenUpperCaseWithoutSeparators() {
		assertThat(UnifiedSocialCreditCode.normalise(" 91350100-m000100 y43 ")).isEqualTo("91350100M000100Y43");
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z' })
	void checkWhenExcludedLetterInSubjectIdentifierThenCharsetAtItsPosition(char letter) {
		// position 9 holds M in 91350100M000100Y43
		String code = "91350100" + letter + "000100Y43";
		assertThat(UnifiedSocialCreditCode.check(code))
			.isEqualTo(new Check("91350100" + Character.toUpperCase(letter) + "000100Y43", Problem.CHARSET, 9));
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z' })
	void checkWhenExcludedLetterAsCheckCharacterThenCharsetAtPosition18(char letter) {
		assertThat(UnifiedSocialCreditCode.check("91350100M000100Y4" + letter))
			.extracting(Check::problem, Check::position)
			.containsExactly(Problem.CHARSET, 18);
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z' })
	void checkWhenExcludedLetterAtPosition1ThenCharsetAtPosition1(char letter) {
		assertThat(UnifiedSocialCreditCode.check(letter + "1350100M000100Y43"))
			.extracting(Check::problem, Check::position)
			.containsExactly(Problem.CHARSET, 1);
	}

	@ParameterizedTest
	@CsvSource({ "91A50100M000100Y43, 3", "9135010AM000100Y43, 8", "913501*0M000100Y43, 7" })
	void checkWhenNonDigitInDivisionCodeThenCharsetAtItsPosition(String code, int position) {
		assertThat(UnifiedSocialCreditCode.check(code)).extracting(Check::problem, Check::position)
			.containsExactly(Problem.CHARSET, position);
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y44", "91350100M000100Y4Y", "11100000000013338X", "91310000MA1FL0007D" })
	void checkWhenWrongCheckCharacterThenCheckCharacterAtPosition18(String code) {
		assertThat(UnifiedSocialCreditCode.check(code)).isEqualTo(new Check(code, Problem.CHECK_CHARACTER, 18));
		assertThat(UnifiedSocialCreditCode.check(code).valid()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y4", "91350100M000100Y430", "9" })
	void checkWhenNotEighteenCharactersThenLength(String code) {
		assertThat(UnifiedSocialCreditCode.check(code)).isEqualTo(new Check(code, Problem.LENGTH, 0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "-" })
	void checkWhenBlankThenEmpty(String code) {
		assertThat(UnifiedSocialCreditCode.check(code)).isEqualTo(new Check("", Problem.EMPTY, 0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y", "91350100M000100Y43", "91350100I000100Y4" })
	void checkCharacterWhenNotSeventeenAlphabetSymbolsThenIllegalArgument(String body) {
		assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter(body));
	}

	@Test
	void generatedCodesWhenCreatedThenCoverEveryCheckCharacter() {
		assertThat(GENERATED).hasSizeGreaterThan(2000);
		assertThat(GENERATED.stream().map((code) -> code.charAt(17)).distinct()).hasSize(31);
	}

	@Test
	void checkWhenGeneratedBodyWithComputedCheckCharacterThenValid() {
		for (String code : GENERATED) {
			assertThat(UnifiedSocialCreditCode.check(code)).as(code).isEqualTo(new Check(code, null, 0));
		}
	}

	@Test
	void checkCharacterWhenGeneratedBodyThenWeightedSumIsZeroModThirtyOne() {
		// independent oracle: weights 3^(i-1) mod 31 for positions 1-17, weight 1 on the check
		for (String code : GENERATED) {
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				int weight = BigInteger.valueOf(3).modPow(BigInteger.valueOf(i), BigInteger.valueOf(31)).intValueExact();
				sum += ALPHABET.indexOf(code.charAt(i)) * weight;
			}
			sum += ALPHABET.indexOf(code.charAt(17));
			assertThat(sum % 31).as(code).isZero();
		}
	}

	@Test
	void checkWhenAnySingleCharacterSubstitutedWithinAlphabetThenInvalid() {
		for (String code : GENERATED) {
			for (int position = 0; position < 18; position++) {
				for (char replacement : ALPHABET.toCharArray()) {
					if (replacement == code.charAt(position)) {
						continue;
					}
					String changed = code.substring(0, position) + replacement + code.substring(position + 1);
					Check check = UnifiedSocialCreditCode.check(changed);
					assertThat(check.valid()).as("%s (position %d)", changed, position + 1).isFalse();
					// a letter in the division code is a charset error there, anything else a check error
					assertThat(check.position()).as("%s (position %d)", changed, position + 1).isIn(position + 1, 18);
				}
			}
		}
	}

	@Test
	void checkWhenTwoAdjacentDifferentCharactersSwappedThenInvalid() {
		for (String code : GENERATED) {
			for (int i = 0; i < 17; i++) {
				char a = code.charAt(i);
				char b = code.charAt(i + 1);
				if (a != b) {
					String changed = code.substring(0, i) + b + a + code.substring(i + 2);
					assertThat(UnifiedSocialCreditCode.check(changed).valid()).as(changed).isFalse();
				}
			}
		}
	}

	/**
	 * Valid codes from a fixed seed (reproducible): random bodies (alphabet symbols in
	 * positions 1-2 and 9-17, digits in 3-8) with their computed check character.
	 */
	private static List<String> generate() {
		SplittableRandom random = new SplittableRandom(32100);
		List<String> codes = new ArrayList<>();
		for (int n = 0; n < 2500; n++) {
			StringBuilder body = new StringBuilder();
			for (int i = 0; i < 17; i++) {
				boolean division = i >= 2 && i <= 7;
				body.append(division ? (char) ('0' + random.nextInt(10)) : ALPHABET.charAt(random.nextInt(31)));
			}
			codes.add(body.toString() + UnifiedSocialCreditCode.checkCharacter(body.toString()));
		}
		return List.copyOf(codes);
	}

}
