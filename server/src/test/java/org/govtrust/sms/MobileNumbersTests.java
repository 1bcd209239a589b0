package org.govtrust.sms;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.govtrust.shared.error.TrustException;
import org.govtrust.sms.config.SmsProperties;
import org.govtrust.sms.config.SmsProperties.SendLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MobileNumbers} with the segments configured in {@code application.yml},
 * cross-checked against libphonenumber (domain-spec §3.2).
 */
class MobileNumbersTests {

	private static final String FIELD = "phone";

	private static final List<String> SEGMENTS = configuredSegments();

	private final MobileNumbers mobileNumbers = new MobileNumbers(new SmsProperties(SEGMENTS, Duration.ofMinutes(5), 5,
			List.of(new SendLimit(Duration.ofMinutes(1), 1)), List.of(new SendLimit(Duration.ofHours(1), 20))));

	@Test
	void configuredSegmentsWhenReadFromApplicationYmlThenIncludeNewSegments() {
		assertThat(SEGMENTS).hasSizeGreaterThan(40).contains("199", "192", "162", "165", "167", "170", "171", "17400",
				"17405", "1610").doesNotContain("1740", "17406");
	}

	@ParameterizedTest
	@ValueSource(strings = { "19912345678", "19212345678", "16212345678", "16512345678", "16712345678", "17012345678",
			"17112345678", "17401234567", "17405123456", "16101234567", "13812345678", "14512345678", "19012345678", "19712345678" })
	void parseWhenSegmentInServiceThenAccepted(String number) {
		MobileNumber parsed = this.mobileNumbers.parse(number, FIELD);
		assertThat(parsed.national()).isEqualTo(number);
		assertThat(parsed.e164()).isEqualTo("+86" + number);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+86 138 1234 5678", "+86-138-1234-5678", "0086 13812345678", "008613812345678",
			"8613812345678", " 138 1234 5678 ", "138-1234-5678", "(+86) 138 1234 5678", "＋８６ １３８１２３４５６７８",
			"138\u30001234\u30005678", "138\t1234\t5678", "13812345678\r\n", "138\u00A01234\u00A05678" })
	void parseWhenTypedWithPrefixSpacesOrHyphensThenNationalDigits(String raw) {
		assertThat(this.mobileNumbers.parse(raw, FIELD)).isEqualTo(new MobileNumber("13812345678"));
	}

	@ParameterizedTest
	@CsvSource({ "15412345678, 154", "14012345678, 140", "17411234567, 174", "17412345678, 174", "17406123456, 174",
			"16001234567, 160",
			"16111234567, 161", "12012345678, 120", "10012345678, 100", "19412345678, 194", "17912345678, 179" })
	void parseWhenSegmentNotInServiceThenPhoneSegmentWithSegment(String number, String segment) {
		assertThatExceptionOfType(TrustException.class).isThrownBy(() -> this.mobileNumbers.parse(number, FIELD))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(SmsError.PHONE_SEGMENT);
				assertThat(ex.getField()).isEqualTo(FIELD);
				assertThat(ex.getArguments()).containsExactly(segment);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "1381234567", "138123456789", "23812345678", "1381234567a", "", "   ", "+85213812345678",
			"86138123456", "138.1234.5678", "+1 138 1234 5678" })
	void parseWhenMalformedThenPhoneFormat(String raw) {
		assertThatExceptionOfType(TrustException.class).isThrownBy(() -> this.mobileNumbers.parse(raw, FIELD))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(SmsError.PHONE_FORMAT);
				assertThat(ex.getField()).isEqualTo(FIELD);
			});
	}

	@Test
	void parseWhenNullThenPhoneFormat() {
		assertThatExceptionOfType(TrustException.class).isThrownBy(() -> this.mobileNumbers.parse(null, FIELD))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(SmsError.PHONE_FORMAT));
	}

	@Test
	void parseWhenEveryFourDigitPrefixThenAcceptedExactlyWhenLibphonenumberSaysCnMobile() {
		// the sample of domain-spec §3.2: the 4-digit prefix followed by 1234567
		List<String> disagreements = IntStream.rangeClosed(1300, 1999)
			.mapToObj((prefix) -> prefix + "1234567")
			.filter((number) -> accepted(number) != isCnMobile(number))
			.map((number) -> number + (accepted(number) ? " accepted, libphonenumber: not mobile"
					: " rejected, libphonenumber: mobile"))
			.toList();
		assertThat(disagreements).isEmpty();
	}

	@Test
	void parseWhenEverySegmentConfiguredThenLibphonenumberKnowsItAsMobile() {
		for (String segment : SEGMENTS) {
			String number = (segment + "1234567890").substring(0, 11);
			assertThat(isCnMobile(number)).as("configured segment %s (%s)", segment, number).isTrue();
		}
	}

	private boolean accepted(String number) {
		try {
			this.mobileNumbers.parse(number, FIELD);
			return true;
		}
		catch (TrustException ex) {
			assertThat(ex.getErrorCode()).as(number).isEqualTo(SmsError.PHONE_SEGMENT);
			return false;
		}
	}

	private static boolean isCnMobile(String national) {
		// built directly: PhoneNumberUtil.parse(.., "CN") would strip 179xx carrier-selection codes
		PhoneNumber number = new PhoneNumber().setCountryCode(86).setNationalNumber(Long.parseLong(national));
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		PhoneNumberType type = util.getNumberType(number);
		return util.isValidNumberForRegion(number, "CN")
				&& (type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE);
	}

	private static List<String> configuredSegments() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties properties = yaml.getObject();
		assertThat(properties).isNotNull();
		return IntStream.iterate(0, (i) -> properties.containsKey(key(i)), (i) -> i + 1)
			.mapToObj((i) -> properties.get(key(i)).toString())
			.toList();
	}

	private static String key(int index) {
		return "govtrust.sms.mobile-segments[" + index + "]";
	}

}
