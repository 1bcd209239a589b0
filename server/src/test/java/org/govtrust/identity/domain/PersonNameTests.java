package org.govtrust.identity.domain;

import java.nio.charset.Charset;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.ErrorCode;
import org.govtrust.shared.error.TrustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PersonName}: the middle-dot rules of domain-spec §1.6.
 */
class PersonNameTests {

	private static final String FIELD = "name";

	private static final String AIYI_MAIMAITI = "阿依\u00B7买买提";

	@ParameterizedTest
	@ValueSource(strings = { "\u00B7", "\u30FB", "\uFF65", "\u2022", "\u2027", "\u2219", "\u22C5", "\u0387", "\u25CF",
			"\uFF0E", ".", "\u2E31" })
	void normaliseWhenDotLookalikeBetweenNamePartsThenMiddleDot(String dot) {
		assertThat(PersonName.normalise("阿依" + dot + "买买提", FIELD)).isEqualTo(AIYI_MAIMAITI);
	}

	@Test
	void normaliseWhenGb2312DecodedSeparatorThenMiddleDot() {
		// Java's GB2312 decoder turns the separator bytes A1A4 into U+30FB
		String decoded = new String(new byte[] { (byte) 0xB0, (byte) 0xA2, (byte) 0xA1, (byte) 0xA4, (byte) 0xCC,
				(byte) 0xE1 }, Charset.forName("GB2312"));
		assertThat(decoded).isEqualTo("阿\u30FB提");
		assertThat(PersonName.normalise(decoded, FIELD)).isEqualTo("阿\u00B7提");
	}

	@ParameterizedTest
	@ValueSource(strings = { "阿依 · 买买提", "阿依  \u00B7买买提", "阿依\u30FB  买买提", "阿依\u3000\u2022\u3000买买提" })
	void normaliseWhenSpacesAroundDotThenRemoved(String raw) {
		assertThat(PersonName.normalise(raw, FIELD)).isEqualTo(AIYI_MAIMAITI);
	}

	@ParameterizedTest
	@ValueSource(strings = { "阿依\u00B7\u00B7买买提", "阿依\u30FB\u00B7\u2022买买提", "阿依\u00B7 \u00B7买买提", "阿依..买买提",
			"阿依 \u00B7 . \u2027 买买提" })
	void normaliseWhenRepeatedDotsThenCollapsedToOne(String raw) {
		assertThat(PersonName.normalise(raw, FIELD)).isEqualTo(AIYI_MAIMAITI);
	}

	@Test
	void normaliseWhenSeveralSeparatorsThenEachBecomesMiddleDot() {
		assertThat(PersonName.normalise("爱新觉罗\u30FB溥\u2022仪", FIELD)).isEqualTo("爱新觉罗\u00B7溥\u00B7仪");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u00B7阿依买买提", "\u30FB阿依", "阿依买买提\u00B7", "阿依买买提\u2022", "阿依. ", " .阿依",
			"阿依\u00B7 \u00B7", "\u00B7\u00B7", "阿依\u00B7\u00B7 " })
	void normaliseWhenLeadingOrTrailingDotThenNameDotPosition(String raw) {
		assertTrustError(() -> PersonName.normalise(raw, FIELD), IdentityError.NAME_DOT_POSITION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "张3", "张三1", "李\uFF14", "王!", "王_明", "王@明", "王,明", "王明\uD83D\uDE00" })
	void normaliseWhenDigitOrSymbolThenNameCharacters(String raw) {
		assertTrustError(() -> PersonName.normalise(raw, FIELD), IdentityError.NAME_CHARACTERS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u3000" })
	void normaliseWhenBlankThenNameRequired(String raw) {
		assertTrustError(() -> PersonName.normalise(raw, FIELD), IdentityError.NAME_REQUIRED);
	}

	@Test
	void normaliseWhenNullThenNameRequired() {
		assertTrustError(() -> PersonName.normalise(null, FIELD), IdentityError.NAME_REQUIRED);
	}

	@Test
	void normaliseWhenOneCharacterThenNameLength() {
		assertTrustError(() -> PersonName.normalise("王", FIELD), IdentityError.NAME_LENGTH);
	}

	@Test
	void normaliseWhenTwoCharactersThenAccepted() {
		assertThat(PersonName.normalise("王明", FIELD)).isEqualTo("王明");
	}

	@Test
	void normaliseWhenFiftyCharactersThenAccepted() {
		String name = "张".repeat(50);
		assertThat(PersonName.normalise(name, FIELD)).isEqualTo(name);
	}

	@Test
	void normaliseWhenFiftyOneCharactersThenNameLength() {
		assertTrustError(() -> PersonName.normalise("张".repeat(51), FIELD), IdentityError.NAME_LENGTH);
	}

	@Test
	void normaliseWhenSupplementaryCharacterAloneThenCountsAsOneAndNameLength() {
		// U+20000 is two UTF-16 units but one character
		assertThat("\uD840\uDC00").isEqualTo("𠀀").hasSize(2);
		assertTrustError(() -> PersonName.normalise("𠀀", FIELD), IdentityError.NAME_LENGTH);
	}

	@Test
	void normaliseWhenSupplementaryCharacterWithOtherThenAccepted() {
		assertThat(PersonName.normalise("王𠀀", FIELD)).isEqualTo("王𠀀");
	}

	@Test
	void normaliseWhenFiftySupplementaryCharactersThenAccepted() {
		String name = "𠀀".repeat(50);
		assertThat(name).hasSize(100);
		assertThat(PersonName.normalise(name, FIELD)).isEqualTo(name);
	}

	@Test
	void normaliseWhenFiftyOneSupplementaryCharactersThenNameLength() {
		assertTrustError(() -> PersonName.normalise("𠀀".repeat(51), FIELD), IdentityError.NAME_LENGTH);
	}

	@Test
	void normaliseWhenDotCountedInLengthThenFiftyWithDotAccepted() {
		String name = "阿".repeat(24) + "\u00B7" + "提".repeat(25);
		assertThat(PersonName.normalise(name, FIELD)).isEqualTo(name).hasSize(50);
		assertTrustError(() -> PersonName.normalise(name + "提", FIELD), IdentityError.NAME_LENGTH);
	}

	@Test
	void normaliseWhenSpacesAroundAndBetweenChineseCharactersThenRemoved() {
		assertThat(PersonName.normalise("  王 小 明 ", FIELD)).isEqualTo("王小明");
	}

	@Test
	void normaliseWhenLatinNameWithSpaceThenSpaceKept() {
		assertThat(PersonName.normalise(" Anna Maria ", FIELD)).isEqualTo("Anna Maria");
	}

	@Test
	void normaliseWhenLatinNameWithDotThenMiddleDotWithoutSpaces() {
		assertThat(PersonName.normalise("Anna . Maria", FIELD)).isEqualTo("Anna\u00B7Maria");
	}

	@Test
	void normaliseWhenFullWidthLettersThenNfkcHalfWidth() {
		assertThat(PersonName.normalise("\uFF21\uFF4E\uFF4E\uFF41", FIELD)).isEqualTo("Anna");
	}

	@Test
	void normaliseWhenErrorThenCarriesGivenField() {
		assertThatExceptionOfType(TrustException.class).isThrownBy(() -> PersonName.normalise("\u00B7王", "guardianName"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("guardianName"));
	}

	private static void assertTrustError(ThrowingCallable call, ErrorCode code) {
		assertThatExceptionOfType(TrustException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.getErrorCode()).isEqualTo(code);
			assertThat(ex.getField()).isEqualTo(FIELD);
		});
	}

}
