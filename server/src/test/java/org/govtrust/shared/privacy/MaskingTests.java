package org.govtrust.shared.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Masking}.
 */
class MaskingTests {

	@ParameterizedTest
	@CsvSource({ "11010519491231002X, 002X", "440524188001010014, 0014" })
	void idNumberWhenCanonicalThenBirthDateHiddenAndLastFourKept(String idNumber, String lastFour) {
		String masked = Masking.idNumber(idNumber);
		assertThat(masked).hasSize(18).startsWith(idNumber.substring(0, 4)).endsWith(lastFour);
		// positions 7-14 (birth date) and 15-17 apart from the last four are never shown
		assertThat(masked.substring(6, 14)).isEqualTo("********");
		assertThat(masked).doesNotContain(idNumber.substring(6, 14));
	}

	@Test
	void phoneWhenElevenDigitsThenFirstThreeAndLastFour() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void phoneWhenSevenOrFewerCharactersThenAllMasked() {
		assertThat(Masking.phone("1234567")).isEqualTo("*******");
		assertThat(Masking.phone("")).isEmpty();
	}

	@Test
	void phoneWhenEightCharactersThenOneMasked() {
		assertThat(Masking.phone("12345678")).isEqualTo("123*5678");
	}

	@ParameterizedTest
	@CsvSource({ "王小明, 王*明", "王明, 王*", "欧阳小明, 欧**明", "阿依·买买提, 阿*·**提", "阿依古丽·买买提, 阿***·**提",
			"Anna Maria, A********a" })
	void nameWhenNormalisedThenFirstAndLastKeptAndMiddleDotShown(String name, String masked) {
		assertThat(Masking.name(name)).isEqualTo(masked);
	}

	@Test
	void nameWhenOneCharacterThenUnchanged() {
		assertThat(Masking.name("王")).isEqualTo("王");
	}

	@Test
	void nameWhenSupplementaryCharactersThenMaskedPerCharacter() {
		assertThat(Masking.name("𠀀𠀁𠀂")).isEqualTo("𠀀*𠀂");
		assertThat(Masking.name("王𠀁")).isEqualTo("王*");
	}

}
