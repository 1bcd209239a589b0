package org.govtrust.identity.domain;

import java.time.LocalDate;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.ErrorCode;
import org.govtrust.shared.error.TrustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link CardValidity}: the age/term rule of the Resident Identity Card Law and the
 * verified vectors of domain-spec §1.5 (holder born 1990-01-01).
 */
class CardValidityTests {

	private static final LocalDate BORN = LocalDate.of(1990, 1, 1);

	@ParameterizedTest
	@CsvSource({ "2004-05-01, 5", "2005-12-31, 5", "2006-01-01, 10", "2015-12-31, 10", "2016-01-01, 20",
			"2035-12-31, 20", "2036-01-01, 0", "1990-01-01, 5", "2080-06-30, 0" })
	void termYearsWhenSpecVectorThenTermForAgeAtIssue(LocalDate validFrom, int years) {
		assertThat(CardValidity.termYears(BORN, validFrom)).isEqualTo(years);
	}

	@ParameterizedTest
	@CsvSource({ "2004-05-01, 2009-05-01", "2005-12-31, 2010-12-31", "2006-01-01, 2016-01-01",
			"2015-12-31, 2025-12-31", "2016-01-01, 2036-01-01", "2035-12-31, 2055-12-31" })
	void checkWhenSpecVectorPrintedValidityThenAccepted(LocalDate validFrom, LocalDate validTo) {
		// today: the day the card was issued, and the last day it is valid
		assertThatNoException().isThrownBy(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, false));
		assertThatNoException().isThrownBy(() -> CardValidity.check(BORN, validFrom, validTo, validTo, false));
	}

	@Test
	void checkWhenIssuedAt46AndLongTermThenAccepted() {
		LocalDate validFrom = LocalDate.of(2036, 1, 1);
		assertThatNoException().isThrownBy(() -> CardValidity.check(BORN, validFrom, null, validFrom, false));
		assertThatNoException()
			.isThrownBy(() -> CardValidity.check(BORN, validFrom, null, LocalDate.of(2090, 1, 1), false));
	}

	@Test
	void checkWhenIssuedAt45AndLongTermThenLongTermNotAllowedWithAgeAndExpectedEnd() {
		LocalDate validFrom = LocalDate.of(2035, 12, 31);
		TrustException ex = assertTrustError(() -> CardValidity.check(BORN, validFrom, null, validFrom, false),
				IdentityError.LONG_TERM_NOT_ALLOWED, "validTo");
		assertThat(ex.getArguments()).containsExactly(45, "2055-12-31");
	}

	@Test
	void checkWhenIssuedAt14AndLongTermThenLongTermNotAllowedEvenIfConfirmed() {
		LocalDate validFrom = LocalDate.of(2004, 5, 1);
		TrustException ex = assertTrustError(() -> CardValidity.check(BORN, validFrom, null, validFrom, true),
				IdentityError.LONG_TERM_NOT_ALLOWED, "validTo");
		assertThat(ex.getArguments()).containsExactly(14, "2009-05-01");
	}

	@Test
	void checkWhenIssuedAt46WithEndDateThenValidityUnusual() {
		LocalDate validFrom = LocalDate.of(2036, 1, 1);
		TrustException ex = assertTrustError(
				() -> CardValidity.check(BORN, validFrom, LocalDate.of(2056, 1, 1), validFrom, false),
				IdentityError.VALIDITY_UNUSUAL, "validTo");
		assertThat(ex.getArguments()).containsExactly(0, "长期/long-term");
	}

	@ParameterizedTest
	@CsvSource({ "2016-01-01, 2026-01-01, 20, 2036-01-01", "2006-01-01, 2011-01-01, 10, 2016-01-01",
			"2004-05-01, 2014-05-01, 5, 2009-05-01", "2016-01-01, 2036-01-02, 20, 2036-01-01",
			"2016-01-01, 2035-12-31, 20, 2036-01-01" })
	void checkWhenTermDoesNotFitAgeThenValidityUnusualWithExpectedTermAndEnd(LocalDate validFrom, LocalDate validTo,
			int expectedYears, String expectedEnd) {
		TrustException ex = assertTrustError(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, false),
				IdentityError.VALIDITY_UNUSUAL, "validTo");
		assertThat(ex.getArguments()).containsExactly(expectedYears, expectedEnd);
	}

	@ParameterizedTest
	@CsvSource({ "2016-01-01, 2026-01-01", "2036-01-01, 2056-01-01", "2016-01-01, 2036-01-02" })
	void checkWhenUnusualTermConfirmedThenAccepted(LocalDate validFrom, LocalDate validTo) {
		assertThatNoException().isThrownBy(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, true));
	}

	@ParameterizedTest
	@CsvSource({ "2016-01-01, 2016-04-01", "2004-05-01, 2004-08-01", "2036-01-01, 2036-04-01",
			"2015-11-30, 2016-02-29", "2016-02-29, 2016-05-29" })
	void checkWhenTemporaryThreeMonthCardThenAccepted(LocalDate validFrom, LocalDate validTo) {
		assertThatNoException().isThrownBy(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, false));
	}

	@Test
	void checkWhenTemporaryCardOneDayLongerThanThreeMonthsThenValidityUnusual() {
		LocalDate validFrom = LocalDate.of(2016, 1, 1);
		assertTrustError(() -> CardValidity.check(BORN, validFrom, LocalDate.of(2016, 4, 2), validFrom, false),
				IdentityError.VALIDITY_UNUSUAL, "validTo");
	}

	@ParameterizedTest
	@CsvSource({ "2012-02-29, 2022-02-28", "2012-02-29, 2022-03-01", "2020-02-29, 2040-02-29",
			"2020-02-29, 2040-02-28", "2020-02-29, 2040-03-01" })
	void checkWhenIssuedOn29FebruaryAndEndWithinOneDayThenAccepted(LocalDate validFrom, LocalDate validTo) {
		assertThatNoException().isThrownBy(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, false));
	}

	@ParameterizedTest
	@CsvSource({ "2012-02-29, 2022-03-02", "2012-02-29, 2022-02-26", "2020-02-29, 2040-03-02" })
	void checkWhenIssuedOn29FebruaryAndEndTwoDaysOffThenValidityUnusual(LocalDate validFrom, LocalDate validTo) {
		assertTrustError(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, false),
				IdentityError.VALIDITY_UNUSUAL, "validTo");
	}

	@ParameterizedTest
	@CsvSource({ "2012-02-28, 2022-03-01", "2012-03-01, 2022-02-28", "2012-03-01, 2022-03-02" })
	void checkWhenNotIssuedOn29FebruaryAndEndOneDayOffThenValidityUnusual(LocalDate validFrom, LocalDate validTo) {
		assertTrustError(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, false),
				IdentityError.VALIDITY_UNUSUAL, "validTo");
	}

	@Test
	void checkWhenEndDateBeforeTodayThenCardExpiredWithEndDate() {
		LocalDate validFrom = LocalDate.of(2006, 1, 1);
		LocalDate validTo = LocalDate.of(2016, 1, 1);
		TrustException ex = assertTrustError(
				() -> CardValidity.check(BORN, validFrom, validTo, LocalDate.of(2016, 1, 2), false),
				IdentityError.CARD_EXPIRED, "validTo");
		assertThat(ex.getArguments()).containsExactly("2016-01-01");
	}

	@Test
	void checkWhenEndDateIsTodayThenNotExpired() {
		LocalDate validTo = LocalDate.of(2016, 1, 1);
		assertThatNoException()
			.isThrownBy(() -> CardValidity.check(BORN, LocalDate.of(2006, 1, 1), validTo, validTo, false));
	}

	@Test
	void checkWhenExpiredAndConfirmedThenStillCardExpired() {
		assertTrustError(() -> CardValidity.check(BORN, LocalDate.of(2006, 1, 1), LocalDate.of(2011, 1, 1),
				LocalDate.of(2026, 11, 1), true), IdentityError.CARD_EXPIRED, "validTo");
	}

	@Test
	void checkWhenStartAfterTodayThenValidFromFuture() {
		LocalDate today = LocalDate.of(2026, 11, 1);
		assertTrustError(
				() -> CardValidity.check(BORN, today.plusDays(1), LocalDate.of(2046, 11, 2), today, false),
				IdentityError.VALID_FROM_FUTURE, "validFrom");
	}

	@Test
	void checkWhenStartIsTodayThenAccepted() {
		LocalDate today = LocalDate.of(2026, 11, 1);
		assertThatNoException()
			.isThrownBy(() -> CardValidity.check(BORN, today, LocalDate.of(2046, 11, 1), today, false));
	}

	@Test
	void checkWhenStartBeforeBirthThenValidFromBeforeBirth() {
		LocalDate validFrom = LocalDate.of(1989, 12, 31);
		assertTrustError(() -> CardValidity.check(BORN, validFrom, LocalDate.of(1994, 12, 31), validFrom, true),
				IdentityError.VALID_FROM_BEFORE_BIRTH, "validFrom");
	}

	@ParameterizedTest
	@CsvSource({ "2016-01-01, 2015-12-31", "2016-01-01, 2016-01-01", "2016-01-01, 2006-01-01" })
	void checkWhenEndNotAfterStartThenValidToBeforeFrom(LocalDate validFrom, LocalDate validTo) {
		assertTrustError(() -> CardValidity.check(BORN, validFrom, validTo, validFrom, true),
				IdentityError.VALID_TO_BEFORE_FROM, "validTo");
	}

	@Test
	void termYearsWhenBornOn29FebruaryThenAgeCountsFullYears() {
		LocalDate born = LocalDate.of(2000, 2, 29);
		// 16 full years are reached on 2016-02-29; on the 28th the holder is still 15
		assertThat(CardValidity.termYears(born, LocalDate.of(2016, 2, 28))).isEqualTo(5);
		assertThat(CardValidity.termYears(born, LocalDate.of(2016, 2, 29))).isEqualTo(10);
	}

	private static TrustException assertTrustError(ThrowingCallable call, ErrorCode code, String field) {
		TrustException ex = catchThrowableOfType(TrustException.class, call);
		assertThat(ex).as("expected %s", code).isNotNull();
		assertThat(ex.getErrorCode()).isEqualTo(code);
		assertThat(ex.getField()).isEqualTo(field);
		return ex;
	}

}
