package org.govtrust.identity.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings.
 *
 * @param registrationTtl how long an unfinished registration is kept
 * @param maxFailedVerifications failed face verifications per person within
 * {@code failedVerificationWindow} before online face verification pauses (network
 * identity and the counter stay open)
 * @param failedVerificationWindow the sliding window for that count
 * @param faceImageMaxBytes the largest face image accepted
 */
@Validated
@ConfigurationProperties("govtrust.identity")
public record IdentityProperties(@DefaultValue("PT30M") Duration registrationTtl,
		@DefaultValue("5") @Min(1) int maxFailedVerifications, @DefaultValue("PT24H") Duration failedVerificationWindow,
		@DefaultValue("2097152") @Min(1024) int faceImageMaxBytes) {

}
