package org.govtrust.ca;

import java.time.Instant;
import java.util.UUID;

/**
 * Published for every act on a certificate: issued, renewed, changed, revoked, suspended,
 * resumed, superseded, unlock code issued.
 *
 * @param serial the certificate serial (hex)
 * @param enterpriseId its enterprise
 * @param act the act
 * @param detail what (no personal data)
 * @param actor who
 * @param at when
 */
public record CertificateActed(String serial, UUID enterpriseId, String act, String detail, String actor,
		Instant at) {

}
