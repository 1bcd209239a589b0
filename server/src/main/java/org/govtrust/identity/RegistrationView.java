package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registration as shown to the person: personal data masked.
 *
 * @param id the registration id (keep it: it continues the registration)
 * @param status the step reached
 * @param name the masked name
 * @param idNumber the masked ID number
 * @param phone the masked phone number
 * @param longTerm whether the card entered is long-term
 * @param expiresAt when the unfinished registration is discarded
 * @param verificationMethod how the real name was verified, once it was
 * @param nextCodeAt the earliest time another SMS code can be sent, when a code was just sent
 * @param accountId the account, once created
 */
public record RegistrationView(UUID id, RegistrationStatus status, String name, String idNumber, String phone,
		boolean longTerm, Instant expiresAt, @Nullable VerificationMethod verificationMethod,
		@Nullable Instant nextCodeAt, @Nullable UUID accountId) {

}
