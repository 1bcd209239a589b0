package org.govtrust.identity.domain;

import java.time.LocalDate;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link CardDates}: the ways people write the dates on the back of the card.
 */
class CardDatesTests {

	@ParameterizedTest
	@CsvSource({ "2016-04-12, 2016-04-12", "2016.04.12, 2016-04-12", "20160412, 2016-04-12", "2016/04/12, 2016-04-12",
			"２０１６－０４－１２, 2016-04-12", "2016-02-29, 2016-02-29", "2016.02.29, 2016-02-29" })
	void fromWhenWrittenAsPeopleWriteItThenParsed(String entered, LocalDate expected) {
		assertThat(CardDates.from(entered)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2016-02-30", "2016.02.30", "20160230", "2016/02/30", "2015-02-29", "2016-04-31" })
	void fromWhenTheMonthHasNoSuchDayThenSaysSoRatherThanAskForTheFormat(String entered) {
		TrustException ex = catchThrowableOfType(TrustException.class, () -> CardDates.from(entered));
		assertThat(ex.getErrorCode()).isEqualTo(IdentityError.DATE_DOES_NOT_EXIST);
		assertThat(ex.getField()).isEqualTo("validFrom");
		assertThat(ex.getArguments()).containsExactly(entered);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2036-02-30", "20360230" })
	void toWhenTheMonthHasNoSuchDayThenSaysSoOnTheEndDate(String entered) {
		TrustException ex = catchThrowableOfType(TrustException.class, () -> CardDates.to(entered, false));
		assertThat(ex.getErrorCode()).isEqualTo(IdentityError.DATE_DOES_NOT_EXIST);
		assertThat(ex.getField()).isEqualTo("validTo");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2016-13-01", "2016-00-10", "16-04-12", "2016-04", "2016.04-12", "April 2016", " " })
	void fromWhenNotADateThenAsksForTheFormat(String entered) {
		TrustException ex = catchThrowableOfType(TrustException.class, () -> CardDates.from(entered));
		assertThat(ex.getErrorCode()).isEqualTo(IdentityError.VALID_FROM_REQUIRED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "长期", "20991231", "99991231", "00000000" })
	void toWhenLongTermThenNoEndDate(String entered) {
		assertThat(CardDates.to(entered, false)).isNull();
	}

}
