package org.govtrust.shared.standard;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.govtrust.shared.standard.ResidentIdNumber.Invalid;
import org.govtrust.shared.standard.ResidentIdNumber.Problem;
import org.govtrust.shared.standard.ResidentIdNumber.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ResidentIdNumber}: the verified vectors of domain-spec §1 and §9, and
 * properties of MOD 11-2 checked over more than 2000 generated valid numbers.
 */
class ResidentIdNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

	private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	private static final String SYMBOLS = "0123456789X";

	private static final List<Generated> GENERATED = generate();

	@ParameterizedTest
	@CsvSource({ "11010519491231002, X", "44052418800101001, 4", "34052419800101001, X", "37010119010203997, 3",
			"31010119900101123, 4" })
	void checkCharacterWhenSpecVectorThenExpectedCharacter(String body, char expected) {
		assertThat(ResidentIdNumber.checkCharacter(body)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "11010519491231002X, 1949-12-31, false, 110105", "440524188001010014, 1880-01-01, true, 440524",
			"34052419800101001X, 1980-01-01, true, 340524", "370101190102039973, 1901-02-03, true, 370101",
			"310101199001011234, 1990-01-01, true, 310101" })
	void checkWhenSpecVectorThenValidWithBirthDateSexAndRegion(String number, LocalDate birthDate, boolean male,
			String region) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Valid(number, birthDate, male, region));
	}

	@Test
	void checkWhenLowerCaseXThenValidWithUpperCaseX() {
		assertThat(ResidentIdNumber.check("11010519491231002x", TODAY))
			.isEqualTo(new Valid("11010519491231002X", LocalDate.of(1949, 12, 31), false, "110105"));
	}

	@Test
	void checkWhenFullWidthDigitsAndSpacesThenValid() {
		String raw = " １１０１０５ １９４９１２３１ ００２ｘ\u3000";
		assertThat(ResidentIdNumber.check(raw, TODAY)).isInstanceOf(Valid.class)
			.extracting((check) -> ((Valid) check).canonical())
			.isEqualTo("11010519491231002X");
	}

	@Test
	void normaliseWhenTypedWithSpacesAndFullWidthThenAsciiUpperCase() {
		assertThat(ResidentIdNumber.normalise("３４０５２４ 1980 0101 001x")).isEqualTo("34052419800101001X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "340524800101001", "110105491231002", "１１０１０５４９１２３１００２" })
	void checkWhenLegacy15DigitsThenLegacy15(String number) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.LEGACY_15, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u3000" })
	void checkWhenBlankThenEmpty(String number) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.EMPTY, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002", "11010519491231002X0", "1101051949123100", "34052480010100X" })
	void checkWhenWrongLengthThenLength(String number) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.LENGTH, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1101051949123100XX", "A1010519491231002X", "11010519491231002Y", "110105194912310O2X" })
	void checkWhenCharacterOutsideDigitsAndFinalXThenCharset(String number) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.CHARSET, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "72", "80",
			"84", "90", "99" })
	void checkWhenNoProvinceThenRegion(String province) {
		String number = withCheckCharacter(province + "010519491231002");
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.REGION, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "19900230", "19900229", "20000231", "19901301", "19900001", "19900100", "19891232" })
	void checkWhenImpossibleDateThenBirthDate(String date) {
		String number = withCheckCharacter("110105" + date + "001");
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.BIRTH_DATE, ""));
	}

	@Test
	void checkWhenLeapDayThenValid() {
		String number = withCheckCharacter("110105" + "20000229" + "002");
		assertThat(ResidentIdNumber.check(number, TODAY)).isInstanceOf(Valid.class)
			.extracting((check) -> ((Valid) check).birthDate())
			.isEqualTo(LocalDate.of(2000, 2, 29));
	}

	@Test
	void checkWhenBornBefore1880ThenBirthDate() {
		String number = withCheckCharacter("110105" + "18791231" + "001");
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.BIRTH_DATE, ""));
	}

	@Test
	void checkWhenBirthDateTomorrowThenFutureBirthDate() {
		String number = withCheckCharacter("110105" + "20261102" + "001");
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.FUTURE_BIRTH_DATE, ""));
	}

	@Test
	void checkWhenBornTodayThenValid() {
		String number = withCheckCharacter("110105" + "20261101" + "001");
		assertThat(ResidentIdNumber.check(number, TODAY)).isInstanceOf(Valid.class);
	}

	@ParameterizedTest
	@CsvSource({ "110105194912310021, X", "440524188001010015, 4", "340524198001010010, X", "370101190102039972, 3" })
	void checkWhenWrongCheckCharacterThenCheckCharacterWithExpected(String number, String expected) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(new Invalid(Problem.CHECK_CHARACTER, expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1101051949123100", "110105194912310021", "1101051949123100X", "11010519491231002 " })
	void checkCharacterWhenNotSeventeenDigitsThenIllegalArgument(String body) {
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.checkCharacter(body));
	}

	@Test
	void generatedNumbersWhenCreatedThenCoverEveryProvinceAndCheckCharacter() {
		assertThat(GENERATED).hasSizeGreaterThan(2000);
		assertThat(GENERATED.stream().map((id) -> id.number().substring(0, 2)).distinct())
			.containsExactlyInAnyOrderElementsOf(PROVINCES);
		assertThat(GENERATED.stream().map((id) -> id.number().charAt(17)).distinct()).hasSize(11);
	}

	@Test
	void checkWhenGeneratedValidNumberThenValidWithItsBirthDateSexAndRegion() {
		for (Generated id : GENERATED) {
			assertThat(ResidentIdNumber.check(id.number(), TODAY)).as(id.number())
				.isEqualTo(new Valid(id.number(), id.birthDate(), id.sequence() % 2 == 1, id.number().substring(0, 6)));
		}
	}

	@Test
	void checkCharacterWhenGeneratedBodyThenWholeNumberSumIsOneModEleven() {
		// independent oracle: weights 2^(i-1) mod 11 counted from the right, X = 10
		for (Generated id : GENERATED) {
			String number = id.number();
			int sum = 0;
			for (int k = 0; k < 18; k++) {
				int weight = BigInteger.TWO.modPow(BigInteger.valueOf(17 - k), BigInteger.valueOf(11)).intValueExact();
				int value = (number.charAt(k) == 'X') ? 10 : number.charAt(k) - '0';
				sum += value * weight;
			}
			assertThat(sum % 11).as(number).isEqualTo(1);
		}
	}

	@Test
	void checkWhenGeneratedNumberTypedFullWidthWithSpacesAndLowerXThenSameCanonical() {
		for (Generated id : GENERATED) {
			StringBuilder typed = new StringBuilder(" ");
			for (int i = 0; i < 18; i++) {
				char c = id.number().charAt(i);
				typed.append((c == 'X') ? 'x' : (char) (c - '0' + '\uFF10'));
				if (i == 5 || i == 13) {
					typed.append(' ');
				}
			}
			assertThat(ResidentIdNumber.check(typed.toString(), TODAY)).as(typed.toString())
				.isInstanceOf(Valid.class)
				.extracting((check) -> ((Valid) check).canonical())
				.isEqualTo(id.number());
		}
	}

	@Test
	void checkWhenAnySingleCharacterSubstitutedThenInvalid() {
		for (Generated id : GENERATED) {
			String number = id.number();
			for (int position = 0; position < 18; position++) {
				for (char replacement : SYMBOLS.toCharArray()) {
					if (replacement == number.charAt(position)) {
						continue;
					}
					String changed = number.substring(0, position) + replacement + number.substring(position + 1);
					assertThat(ResidentIdNumber.check(changed, TODAY)).as("%s (position %d)", changed, position + 1)
						.isInstanceOf(Invalid.class);
				}
			}
		}
	}

	@Test
	void checkWhenLastCharacterSubstitutedThenCheckCharacterProblemNamingTheRightOne() {
		for (Generated id : GENERATED) {
			String number = id.number();
			char right = number.charAt(17);
			for (char replacement : SYMBOLS.toCharArray()) {
				if (replacement != right) {
					String changed = number.substring(0, 17) + replacement;
					assertThat(ResidentIdNumber.check(changed, TODAY)).as(changed)
						.isEqualTo(new Invalid(Problem.CHECK_CHARACTER, String.valueOf(right)));
				}
			}
		}
	}

	@Test
	void checkWhenTwoAdjacentDifferentCharactersSwappedThenInvalid() {
		for (Generated id : GENERATED) {
			String number = id.number();
			for (int i = 0; i < 17; i++) {
				char a = number.charAt(i);
				char b = number.charAt(i + 1);
				if (a != b) {
					String changed = number.substring(0, i) + b + a + number.substring(i + 2);
					assertThat(ResidentIdNumber.check(changed, TODAY)).as("%s (positions %d/%d)", changed, i + 1, i + 2)
						.isInstanceOf(Invalid.class);
				}
			}
		}
	}

	/**
	 * Valid numbers from a fixed seed (reproducible): the edge cases, then random ones over
	 * every province, birth dates 1880-01-01 to today and sequences 000-999.
	 */
	private static List<Generated> generate() {
		List<Generated> numbers = new ArrayList<>();
		LocalDate earliest = LocalDate.of(1880, 1, 1);
		for (String province : PROVINCES) {
			numbers.add(generated(province + "0000", earliest, 0));
			numbers.add(generated(province + "9999", TODAY, 999));
		}
		numbers.add(generated("110105", LocalDate.of(2000, 2, 29), 1));
		SplittableRandom random = new SplittableRandom(11643);
		for (int i = 0; i < 2000; i++) {
			String region = PROVINCES.get(random.nextInt(PROVINCES.size())) + String.format("%04d", random.nextInt(10000));
			LocalDate birthDate = LocalDate.ofEpochDay(random.nextLong(earliest.toEpochDay(), TODAY.toEpochDay() + 1));
			numbers.add(generated(region, birthDate, random.nextInt(1000)));
		}
		return List.copyOf(numbers);
	}

	private static Generated generated(String region, LocalDate birthDate, int sequence) {
		String body = region + String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth(), sequence);
		return new Generated(body + ResidentIdNumber.checkCharacter(body), birthDate, sequence);
	}

	private static String withCheckCharacter(String body) {
		return body + ResidentIdNumber.checkCharacter(body);
	}

	record Generated(String number, LocalDate birthDate, int sequence) {

	}

}
