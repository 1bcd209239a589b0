package org.govtrust.sms.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SMS settings.
 *
 * @param mobileSegments the 3- or 4-digit prefixes in service (号段); a new segment is a
 * configuration change, never a release
 * @param codeTtl how long a code works
 * @param maxAttempts wrong entries before a code is void
 * @param perPhone send limits per phone number (sliding windows)
 * @param perAddress send limits per client network address (sliding windows)
 */
@Validated
@ConfigurationProperties("govtrust.sms")
public record SmsProperties(@NotEmpty List<String> mobileSegments, @DefaultValue("PT5M") Duration codeTtl,
		@DefaultValue("5") @Min(1) @Max(10) int maxAttempts, @NotEmpty List<SendLimit> perPhone,
		@NotEmpty List<SendLimit> perAddress) {

	/**
	 * At most {@code max} sends within any {@code window}.
	 *
	 * @param window the sliding window
	 * @param max sends allowed in it
	 */
	public record SendLimit(Duration window, @Min(1) int max) {

	}

}
