package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as shown to its owner: personal data masked.
 *
 * @param id the account id
 * @param name the masked name
 * @param idNumber the masked ID number (also the default login name)
 * @param phone the masked phone number
 * @param loginName the custom login name, if chosen
 * @param status whether it can be used
 * @param realNameLevel how strongly the real name is established
 * @param verificationMethod how it was established
 * @param verifiedAt when
 */
public record AccountView(UUID id, String name, String idNumber, String phone, @Nullable String loginName,
		AccountStatus status, RealNameLevel realNameLevel, @Nullable VerificationMethod verificationMethod,
		@Nullable Instant verifiedAt) {

}
