package org.govtrust.ca;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A certificate as pages and APIs show it.
 *
 * @param serial lowercase hex
 * @param enterpriseId its enterprise
 * @param usage {@code SIGNING} or {@code ENCRYPTION}
 * @param keyStorage {@code HARDWARE} (a USB key) or {@code SOFTWARE} (a soft token)
 * @param keyType e.g. {@code EC-P256}, {@code SM2}
 * @param holderName masked name of the holder
 * @param notBefore validity start
 * @param notAfter validity end
 * @param status the state now
 * @param statusAt when it was revoked, suspended or superseded
 * @param reason the revocation reason
 * @param supersededBy the certificate that replaced it
 * @param renewalFrom from when it can be renewed
 * @param renewalDue whether renewal is open now (announced on the pages and by the assistant)
 * @param issuedAt when issued
 */
public record CertificateView(String serial, UUID enterpriseId, String usage, String keyStorage, String keyType,
		String holderName, Instant notBefore, Instant notAfter, CertificateStatus status, @Nullable Instant statusAt,
		@Nullable RevocationReason reason, @Nullable String supersededBy, Instant renewalFrom, boolean renewalDue,
		Instant issuedAt) {

}
