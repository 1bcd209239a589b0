package org.govtrust.sms;

import java.text.Normalizer;
import java.util.List;

import org.govtrust.shared.error.TrustException;
import org.govtrust.sms.config.SmsProperties;
import org.springframework.stereotype.Component;

/**
 * Parses mainland mobile numbers as people type them ({@code +86 138-1234-5678},
 * full-width digits) and accepts every segment in service. Segments are configuration
 * ({@code govtrust.sms.mobile-segments}): 199 and every other 19x/16x/17x segment in
 * service work, and a newly allocated one is added without a release.
 */
@Component
public class MobileNumbers {

	private final List<String> segments;

	public MobileNumbers(SmsProperties properties) {
		this.segments = List.copyOf(properties.mobileSegments());
	}

	/**
	 * Parses a number.
	 * @param raw the input
	 * @param field the form field name for the error
	 * @return the number
	 * @throws TrustException {@code SMS-1001} for a malformed number, {@code SMS-1002} for a
	 * segment not in service
	 */
	public MobileNumber parse(String raw, String field) {
		String digits = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC).replaceAll("[\\s()-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		else if (digits.length() == 13 && digits.startsWith("86")) {
			digits = digits.substring(2);
		}
		if (!digits.matches("1[0-9]{10}")) {
			throw TrustException.forField(field, SmsError.PHONE_FORMAT);
		}
		String number = digits;
		if (this.segments.stream().noneMatch(number::startsWith)) {
			throw TrustException.forField(field, SmsError.PHONE_SEGMENT, number.substring(0, 3));
		}
		return new MobileNumber(number);
	}

}
