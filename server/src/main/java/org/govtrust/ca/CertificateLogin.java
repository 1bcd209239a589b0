package org.govtrust.ca;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.govtrust.ca.config.CaProperties;
import org.govtrust.ca.crypto.CaHierarchy;
import org.govtrust.ca.crypto.LegalPersonProfile;
import org.govtrust.ca.crypto.Pki;
import org.govtrust.ca.persistence.CertificateStore;
import org.govtrust.ca.persistence.CertificateStore.CertificateRow;
import org.govtrust.ca.persistence.CertificateStore.ChallengeRow;
import org.govtrust.ca.persistence.EnterpriseStore.EnterpriseRow;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.time.DisplayTime;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server side of USB-key login. A challenge is random, single use and short-lived; the
 * answer is checked in this order, each failure with its own catalogue entry: the challenge,
 * the signature over exactly the issued text, the chain to the issuing CA, the validity
 * dates, the revocation state in the certificate register (the same source OCSP answers
 * from, so it fails closed: an unknown certificate is refused), the key usage, and the
 * credit code in the certificate against the enterprise record.
 */
@Service
public class CertificateLogin {

	static final String FIRST_LINE = "GovTrust certificate login";

	private final CertificateStore store;

	private final EnterpriseService enterprises;

	private final CaHierarchy hierarchy;

	private final PersonalDataCipher cipher;

	private final CaProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	CertificateLogin(CertificateStore store, EnterpriseService enterprises, CaHierarchy hierarchy,
			PersonalDataCipher cipher, CaProperties properties, Clock clock) {
		this.store = store;
		this.enterprises = enterprises;
		this.hierarchy = hierarchy;
		this.cipher = cipher;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A new challenge for a login page served at an origin.
	 * @param origin the page's origin, e.g. {@code https://gov.example.cn}
	 * @return the challenge
	 */
	@Transactional
	public LoginChallenge challenge(String origin) {
		byte[] nonce = new byte[32];
		this.random.nextBytes(nonce);
		Instant now = this.clock.instant();
		String text = FIRST_LINE + "\norigin: " + origin + "\nchallenge: "
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "\nissued-at: " + now;
		UUID id = UUID.randomUUID();
		Instant expires = now.plus(this.properties.challengeTtl());
		this.store.saveChallenge(id, text, expires);
		return new LoginChallenge(id, text, expires);
	}

	/**
	 * Verifies an answer.
	 * @param challengeId the challenge
	 * @param certificateDer the signing certificate the key assistant sent
	 * @param signature its signature over the challenge text
	 * @return who signed in
	 */
	@Transactional(noRollbackFor = TrustException.class)
	public LegalPersonSignIn verify(UUID challengeId, byte[] certificateDer, byte[] signature) {
		Instant now = this.clock.instant();
		ChallengeRow challenge = this.store.takeChallenge(challengeId)
			.filter((c) -> c.expiresAt().isAfter(now))
			.orElseThrow(() -> new TrustException(CaError.CHALLENGE_EXPIRED));
		if (challenge.used()) {
			throw new TrustException(CaError.CHALLENGE_USED);
		}
		X509Certificate certificate;
		try {
			certificate = Pki.certificate(certificateDer);
		}
		catch (IllegalArgumentException ex) {
			throw new TrustException(CaError.LOGIN_SIGNATURE);
		}
		if (!Pki.verify(certificate, challenge.text().getBytes(StandardCharsets.UTF_8), signature)) {
			throw new TrustException(CaError.LOGIN_SIGNATURE);
		}
		CaHierarchy.Authority issuing = this.hierarchy.issuing();
		if (!issuing.subject().equals(certificate.getIssuerX500Principal()) || !signedBy(certificate, issuing)) {
			throw new TrustException(CaError.LOGIN_UNKNOWN_ISSUER, certificate.getIssuerX500Principal().getName());
		}
		if (now.isBefore(certificate.getNotBefore().toInstant())) {
			throw new TrustException(CaError.LOGIN_NOT_YET_VALID,
					DisplayTime.format(certificate.getNotBefore().toInstant()));
		}
		if (now.isAfter(certificate.getNotAfter().toInstant())) {
			throw new TrustException(CaError.LOGIN_EXPIRED, DisplayTime.format(certificate.getNotAfter().toInstant()));
		}
		CertificateRow row = this.store.find(Pki.hex(certificate.getSerialNumber()))
			.filter((r) -> java.util.Arrays.equals(r.der(), certificateDer))
			.orElseThrow(() -> new TrustException(CaError.LOGIN_CERTIFICATE_UNKNOWN));
		requireInForce(row);
		boolean[] usage = certificate.getKeyUsage();
		if (usage == null || !usage[0] || !"SIGNING".equals(row.usage())) {
			throw new TrustException(CaError.LOGIN_KEY_USAGE);
		}
		EnterpriseRow enterprise = this.enterprises.row(row.enterpriseId());
		if (!enterprise.creditCode().equals(LegalPersonProfile.creditCode(certificate))) {
			throw new TrustException(CaError.LOGIN_CERTIFICATE_UNKNOWN);
		}
		return new LegalPersonSignIn(enterprise.id(), enterprise.name(), enterprise.creditCode(),
				this.cipher.decrypt(row.holderName()), row.serial(), "HARDWARE".equals(row.keyStorage()));
	}

	private static boolean signedBy(X509Certificate certificate, CaHierarchy.Authority issuer) {
		try {
			certificate.verify(issuer.certificate().getPublicKey(), Pki.BC);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * The claims of a signed-in enterprise, read again for each token (every code exchange and
	 * every refresh), so that no token is issued on a certificate that has since been revoked,
	 * suspended, superseded or has expired: the app has to sign the enterprise in again, and
	 * that login is refused with the reason.
	 * @param enterpriseId the enterprise
	 * @param serial the certificate it signed in with
	 * @return name, credit code and holder
	 * @throws TrustException the certificate is no longer in force (the login's codes: CA-3006,
	 * CA-3007, CA-3008, CA-3010, CA-3011)
	 */
	@Transactional(readOnly = true)
	public LegalPersonClaims claims(UUID enterpriseId, String serial) {
		CertificateRow row = this.store.find(serial)
			.filter((found) -> found.enterpriseId().equals(enterpriseId))
			.orElseThrow(() -> new TrustException(CaError.LOGIN_CERTIFICATE_UNKNOWN));
		requireInForce(row);
		if (this.clock.instant().isAfter(row.notAfter())) {
			throw new TrustException(CaError.LOGIN_EXPIRED, DisplayTime.format(row.notAfter()));
		}
		EnterpriseRow enterprise = this.enterprises.row(enterpriseId);
		return new LegalPersonClaims(enterprise.name(), enterprise.creditCode(), this.cipher.decrypt(row.holderName()));
	}

	/** Refuses a suspended, revoked or superseded certificate, saying since when and why. */
	private static void requireInForce(CertificateRow row) {
		if ("SUSPENDED".equals(row.status())) {
			throw new TrustException(CaError.LOGIN_SUSPENDED, DisplayTime.format(row.statusAt()));
		}
		if ("REVOKED".equals(row.status())) {
			if (row.supersededBy() != null) {
				throw new TrustException(CaError.LOGIN_SUPERSEDED, DisplayTime.format(row.statusAt()));
			}
			RevocationReason reason = RevocationReason.of(row.revocationReason());
			throw new TrustException(CaError.LOGIN_REVOKED, DisplayTime.format(row.statusAt()),
					new DefaultMessageSourceResolvable("ca.reason." + reason.name()));
		}
	}

}
