package org.govtrust.identity.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
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
 * @param bootstrapAdmin the administrator created on first start when no staff exists
 * @param counterApprovalValidity how long a counter clerk's verification of a person
 * without an account stays usable for their online registration
 * @param nativeArgon2 whether password hashes may be computed by libsodium when the machine
 * has it (faster and steadier than the Java implementation, same hashes; see Argon2Hashing)
 */
@Validated
@ConfigurationProperties("govtrust.identity")
public record IdentityProperties(@DefaultValue("PT30M") Duration registrationTtl,
		@DefaultValue("5") @Min(1) int maxFailedVerifications, @DefaultValue("PT24H") Duration failedVerificationWindow,
		@DefaultValue("2097152") @Min(1024) int faceImageMaxBytes, @Nullable BootstrapAdmin bootstrapAdmin,
		@DefaultValue("P7D") Duration counterApprovalValidity, @DefaultValue("true") boolean nativeArgon2) {

	/**
	 * The first administrator.
	 *
	 * @param loginName login name
	 * @param name display name
	 * @param phone mobile number for the SMS second factor
	 * @param password initial password
	 * @param roles its roles; administrator and auditor when not set
	 */
	public record BootstrapAdmin(@Nullable String loginName, @Nullable String name, @Nullable String phone,
			@Nullable String password, java.util.@Nullable Set<org.govtrust.identity.StaffRole> roles) {

		@Override
		public String toString() {
			return "BootstrapAdmin[" + this.loginName + "]";
		}

	}

}
