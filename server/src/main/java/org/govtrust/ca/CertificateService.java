package org.govtrust.ca;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.govtrust.ca.config.CaProperties;
import org.govtrust.ca.crypto.CaHierarchy;
import org.govtrust.ca.crypto.Csrs;
import org.govtrust.ca.crypto.KeyManagementCentre;
import org.govtrust.ca.crypto.LegalPersonProfile;
import org.govtrust.ca.crypto.Pki;
import org.govtrust.ca.persistence.CertificateStore;
import org.govtrust.ca.persistence.CertificateStore.CertificateRow;
import org.govtrust.ca.persistence.CertificateStore.EscrowedKey;
import org.govtrust.ca.persistence.EnterpriseStore;
import org.govtrust.ca.persistence.EnterpriseStore.EnterpriseRow;
import org.govtrust.shared.error.FieldProblem;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.Masking;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.time.DisplayTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certificate lifecycle. A certificate is issued from a PKCS#10 request made on the key,
 * so the private key never leaves it; the subject comes from the enterprise record, never
 * from the request. Renewal opens {@code renewal-window} before expiry; a change (housing-fund
 * or social-security numbers) issues a new certificate; both supersede the old one. Every
 * status change (revoke, suspend, resume, supersede) has the CRLs re-signed just after it
 * commits, before the caller gets its answer (see {@link PkiPublication}). For an SM2 key the
 * pair (signing and encryption certificate) lives and dies together; the encryption
 * certificate is never acted on, renewed or logged in with alone. Every act is kept in the
 * history and published for the audit trail.
 */
@Service
public class CertificateService {

	private static final Pattern UNLOCK_REQUEST = Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[A-Za-z0-9_-]{16,64}");

	private final CertificateStore store;

	private final EnterpriseStore enterprises;

	private final EnterpriseService enterpriseService;

	private final CaHierarchy hierarchy;

	private final LegalPersonProfile profile;

	private final PkiPublication publication;

	private final PersonalDataCipher cipher;

	private final CaProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	CertificateService(CertificateStore store, EnterpriseStore enterprises, EnterpriseService enterpriseService,
			CaHierarchy hierarchy, LegalPersonProfile profile, PkiPublication publication, PersonalDataCipher cipher,
			CaProperties properties, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.enterprises = enterprises;
		this.enterpriseService = enterpriseService;
		this.hierarchy = hierarchy;
		this.profile = profile;
		this.publication = publication;
		this.cipher = cipher;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Issues a signing certificate for an enterprise from a request made on its key.
	 * @param enterpriseId the enterprise
	 * @param csr the PKCS#10 request (PEM or base64)
	 * @param hardwareKey whether the key is a USB key (a hardware token), as the officer saw
	 * @param holderName who holds the key; the legal representative when empty
	 * @param actor who issues
	 * @return the certificate
	 */
	@Transactional
	public IssuedCertificate issue(UUID enterpriseId, String csr, boolean hardwareKey, @Nullable String holderName,
			String actor) {
		EnterpriseRow enterprise = this.enterpriseService.row(enterpriseId);
		PublicKey key = requestKey(csr);
		String holder = (holderName == null || holderName.isBlank()) ? this.enterpriseService.legalRepName(enterprise)
				: holderName.strip();
		return issue(enterprise, key, hardwareKey ? "HARDWARE" : "SOFTWARE", this.cipher.encrypt(holder), "ISSUED",
				"", actor);
	}

	/**
	 * Renews a certificate through the key assistant: the request is signed by the current
	 * certificate's key, which proves the holder has it.
	 * @param currentDer the current certificate
	 * @param csr the request for the new key
	 * @param proof the current key's signature over the request's DER
	 * @return the new certificate
	 */
	public IssuedCertificate renew(byte[] currentDer, String csr, byte[] proof) {
		return changing(() -> {
			X509Certificate current;
			try {
				current = Pki.certificate(currentDer);
			}
			catch (IllegalArgumentException ex) {
				throw TrustException.forField("certificate", CaError.CERTIFICATE_NOT_FOUND, "?");
			}
			CertificateRow row = acting(ours(current).serial());
			byte[] requestDer = Csrs.der(csr);
			if (requestDer == null) {
				throw TrustException.forField("csr", CaError.CSR_INVALID);
			}
			if (!Pki.verify(current, requestDer, proof)) {
				throw new TrustException(CaError.RENEWAL_PROOF);
			}
			return renew(row, csr, "enterprise:" + row.enterpriseId());
		});
	}

	/**
	 * Renews at an RA office (the officer has seen the holder).
	 * @param serial the current certificate
	 * @param csr the request for the new key
	 * @param actor the officer
	 * @return the new certificate
	 */
	public IssuedCertificate renew(String serial, String csr, String actor) {
		return changing(() -> renew(acting(serial), csr, actor));
	}

	private IssuedCertificate renew(CertificateRow row, String csr, String actor) {
		requireActive(row);
		Instant opens = row.notAfter().minus(this.properties.renewalWindow());
		if (this.clock.instant().isBefore(opens)) {
			throw new TrustException(CaError.RENEWAL_NOT_YET, DisplayTime.format(opens));
		}
		PublicKey key = requestKey(csr);
		EnterpriseRow enterprise = this.enterpriseService.row(row.enterpriseId());
		IssuedCertificate issued = issue(enterprise, key, row.keyStorage(), row.holderName(), "RENEWED",
				"renews " + row.serial(), actor);
		supersede(row, issued.certificate().serial(), actor);
		return issued;
	}

	/**
	 * Changes the identifiers a certificate carries (housing-fund and social-security
	 * numbers): a new certificate on a new key, the old one superseded.
	 * @param serial the current certificate
	 * @param csr the request for the new key
	 * @param housingFundNumber the new number, or empty to drop it
	 * @param socialSecurityNumber the new number, or empty to drop it
	 * @param actor who
	 * @return the new certificate
	 */
	public IssuedCertificate change(String serial, String csr, @Nullable String housingFundNumber,
			@Nullable String socialSecurityNumber, String actor) {
		return changing(() -> {
			CertificateRow row = acting(serial);
			requireActive(row);
			List<FieldProblem> problems = new ArrayList<>();
			String fund = EnterpriseService.accountNumber("housingFundNumber", housingFundNumber, problems);
			String social = EnterpriseService.accountNumber("socialSecurityNumber", socialSecurityNumber, problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			EnterpriseRow enterprise = this.enterpriseService.row(row.enterpriseId());
			X509Certificate current = Pki.certificate(row.der());
			if (Objects.equals(fund, LegalPersonProfile.extensionText(current, LegalPersonProfile.HOUSING_FUND_NUMBER))
					&& Objects.equals(social,
							LegalPersonProfile.extensionText(current, LegalPersonProfile.SOCIAL_SECURITY_NUMBER))) {
				throw new TrustException(CaError.CHANGE_NOTHING);
			}
			PublicKey key = requestKey(csr);
			if (!this.enterprises.updateNumbers(enterprise.id(), enterprise.version(), fund, social)) {
				throw new org.springframework.dao.OptimisticLockingFailureException("enterprise changed concurrently");
			}
			EnterpriseRow changed = this.enterpriseService.row(enterprise.id());
			IssuedCertificate issued = issue(changed, key, row.keyStorage(), row.holderName(), "CHANGED",
					"replaces " + row.serial(), actor);
			supersede(row, issued.certificate().serial(), actor);
			return issued;
		});
	}

	/**
	 * Revokes a certificate for good.
	 * @param serial the certificate
	 * @param reason why
	 * @param actor who
	 * @return the certificate
	 */
	public CertificateView revoke(String serial, RevocationReason reason, String actor) {
		return changing(() -> {
			CertificateRow row = acting(serial);
			if (!"VALID".equals(row.status()) && !"SUSPENDED".equals(row.status())) {
				throw new TrustException(CaError.CERTIFICATE_NOT_ACTIVE, statusLabel(view(row).status()));
			}
			return changeStatus(row, "REVOKED", reason.code(), "REVOKED", "reason=" + reason, actor);
		});
	}

	public CertificateView suspend(String serial, String actor) {
		return changing(() -> {
			CertificateRow row = acting(serial);
			if (!"VALID".equals(row.status())) {
				throw new TrustException(CaError.SUSPENSION_STATE);
			}
			return changeStatus(row, "SUSPENDED", RevocationReason.CERTIFICATE_HOLD.code(), "SUSPENDED", "", actor);
		});
	}

	public CertificateView resume(String serial, String actor) {
		return changing(() -> {
			CertificateRow row = acting(serial);
			if (!"SUSPENDED".equals(row.status())) {
				throw new TrustException(CaError.SUSPENSION_STATE);
			}
			return changeStatus(row, "VALID", null, "RESUMED", "", actor);
		});
	}

	/**
	 * Makes an online unlock code for a locked key: the key assistant's request code (its
	 * token id and a fresh nonce) bound to the certificate on that key, signed by the issuing
	 * CA, valid for {@code unlock-code-ttl}. The assistant checks the signature against the
	 * certificate's issuer and resets its PIN counter.
	 * @param serial the certificate on the locked key
	 * @param requestCode what the assistant showed
	 * @param actor who asked (the legal representative or an officer)
	 * @return the unlock code
	 */
	@Transactional
	public String unlockCode(String serial, String requestCode, String actor) {
		String code = requestCode == null ? "" : requestCode.strip();
		if (!UNLOCK_REQUEST.matcher(code).matches()) {
			throw TrustException.forField("requestCode", CaError.UNLOCK_REQUEST_CODE);
		}
		CertificateRow row = acting(serial);
		requireActive(row);
		String[] parts = code.split("\\.");
		String tokenId;
		try {
			tokenId = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw TrustException.forField("requestCode", CaError.UNLOCK_REQUEST_CODE);
		}
		if (tokenId.contains("|")) {
			throw TrustException.forField("requestCode", CaError.UNLOCK_REQUEST_CODE);
		}
		Instant expires = this.clock.instant().plus(this.properties.unlockCodeTtl());
		String payload = "govtrust-unlock|" + tokenId + "|" + parts[1] + "|" + row.serial() + "|"
				+ expires.getEpochSecond();
		byte[] signature = this.hierarchy.issuing().sign(payload.getBytes(StandardCharsets.UTF_8));
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		record(row, "UNLOCK_CODE", "", actor);
		return base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(signature);
	}

	public List<CertificateView> certificates(UUID enterpriseId) {
		return this.store.findByEnterprise(enterpriseId).stream().map(this::view).toList();
	}

	public CertificateView get(String serial) {
		return view(row(serial));
	}

	/**
	 * A certificate in PEM with its chain, for download and installation; for the signing
	 * certificate of an SM2 dual pair, also the encryption certificate and a new envelope of
	 * its escrowed key for this signing key.
	 * @param serial the certificate
	 * @return PEM: the certificate, the issuing CA, the root (and the encryption part)
	 */
	public String pemWithChain(String serial) {
		CertificateRow row = row(serial);
		X509Certificate certificate = Pki.certificate(row.der());
		return new IssuedCertificate(view(row), Pki.pem(certificate), this.publication.chainPem(),
				encryptionPart(row.serial(), certificate.getPublicKey()))
			.installPem();
	}

	public byte[] der(String serial) {
		return row(serial).der();
	}

	public List<HistoryEntry> history(UUID enterpriseId) {
		return this.store.events(enterpriseId)
			.stream()
			.map((e) -> new HistoryEntry(e.serial(), e.act(), e.detail(), e.actor(), e.at()))
			.toList();
	}

	/**
	 * A localised label of a status, for messages.
	 * @param status the status
	 * @return a resolvable the message source turns into text
	 */
	static DefaultMessageSourceResolvable statusLabel(CertificateStatus status) {
		return new DefaultMessageSourceResolvable("ca.status." + status.name());
	}

	// --- internals

	private IssuedCertificate issue(EnterpriseRow enterprise, PublicKey key, String keyStorage, String holderEncrypted,
			String act, String detail, String actor) {
		Instant now = this.clock.instant();
		// a minute of slack for clocks of relying parties that run a little behind
		Instant notBefore = now.minus(Duration.ofMinutes(1));
		X509Certificate certificate = this.profile.issue(subject(enterprise), key, notBefore,
				now.plus(this.properties.validity()));
		String serial = Pki.hex(certificate.getSerialNumber());
		byte[] der = issuedDer(certificate);
		CertificateRow row = new CertificateRow(serial, enterprise.id(), "SIGNING", keyStorage, Pki.keyType(key),
				Pki.fingerprint(key), holderEncrypted, notBefore, certificate.getNotAfter().toInstant(), "VALID", null,
				null, null, now, actor, der, 0);
		this.store.insert(row);
		record(row, act, detail, actor);
		IssuedCertificate.EncryptionCertificate encryption = null;
		if ("SM2".equals(row.keyType())) {
			encryption = issueEncryption(enterprise, row, key, actor);
		}
		return new IssuedCertificate(view(row), Pki.pem(certificate), this.publication.chainPem(), encryption);
	}

	/**
	 * The encryption half of an SM2 dual pair: the KMC makes the key and keeps the escrow copy,
	 * the CA certifies it with the signing certificate's subject and validity, and the key
	 * travels in an envelope only the signing key opens.
	 */
	private IssuedCertificate.EncryptionCertificate issueEncryption(EnterpriseRow enterprise, CertificateRow signing,
			PublicKey signingKey, String actor) {
		KeyPair pair = KeyManagementCentre.newEncryptionKeyPair();
		X509Certificate certificate = this.profile.issueEncryption(subject(enterprise), pair.getPublic(),
				signing.notBefore(), signing.notAfter());
		CertificateRow row = new CertificateRow(Pki.hex(certificate.getSerialNumber()), enterprise.id(), "ENCRYPTION",
				signing.keyStorage(), "SM2", Pki.fingerprint(pair.getPublic()), signing.holderName(),
				signing.notBefore(), signing.notAfter(), "VALID", null, null, null, signing.issuedAt(), actor,
				issuedDer(certificate), 0);
		this.store.insert(row);
		this.store.escrow(row.serial(), signing.serial(),
				this.cipher.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())),
				this.clock.instant());
		record(row, "ISSUED", "encryption certificate paired with " + signing.serial() + ", key escrowed", actor);
		return new IssuedCertificate.EncryptionCertificate(view(row), Pki.pem(certificate),
				KeyManagementCentre.pem(KeyManagementCentre.envelope(signingKey, pair.getPrivate())));
	}

	private static LegalPersonProfile.Subject subject(EnterpriseRow enterprise) {
		return new LegalPersonProfile.Subject(enterprise.name(), enterprise.creditCode(),
				enterprise.housingFundNumber(), enterprise.socialSecurityNumber());
	}

	/** The DER of a certificate this CA has just signed (encoding it cannot fail). */
	private static byte[] issuedDer(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The encryption part of a dual pair, with a new envelope from the escrow; null if none. */
	private IssuedCertificate.@Nullable EncryptionCertificate encryptionPart(String signingSerial,
			PublicKey signingKey) {
		EscrowedKey escrowed = this.store.escrowedFor(signingSerial).orElse(null);
		if (escrowed == null) {
			return null;
		}
		CertificateRow row = row(escrowed.serial());
		PrivateKey key = KeyManagementCentre
			.privateKey(Base64.getDecoder().decode(this.cipher.decrypt(escrowed.privateKeyEncrypted())));
		return new IssuedCertificate.EncryptionCertificate(view(row), Pki.pem(Pki.certificate(row.der())),
				KeyManagementCentre.pem(KeyManagementCentre.envelope(signingKey, key)));
	}

	private void supersede(CertificateRow old, String replacement, String actor) {
		for (CertificateRow row : withPair(old)) {
			if (!this.store.changeStatus(row.serial(), row.status(), "REVOKED", this.clock.instant(),
					RevocationReason.SUPERSEDED.code(), replacement)) {
				throw new org.springframework.dao.OptimisticLockingFailureException("certificate changed concurrently");
			}
			record(row, "SUPERSEDED", "by " + replacement, actor);
		}
	}

	private CertificateView changeStatus(CertificateRow signing, String to, @Nullable Integer reason, String act,
			String detail, String actor) {
		for (CertificateRow row : withPair(signing)) {
			if (!this.store.changeStatus(row.serial(), row.status(), to, this.clock.instant(), reason, null)) {
				throw new org.springframework.dao.OptimisticLockingFailureException("certificate changed concurrently");
			}
			record(row, act, detail, actor);
		}
		return get(signing.serial());
	}

	/**
	 * Runs a status change (revoke, suspend, resume, or a renewal or change that supersedes)
	 * in a transaction, then has the CRLs re-signed once it has committed: at once when this
	 * was the whole transaction, its connection already back in the pool, or after the
	 * caller's transaction commits when there is one.
	 */
	private <T> T changing(Supplier<T> change) {
		T result = this.transactions.execute((status) -> change.get());
		this.publication.publishAfterCommit();
		return result;
	}

	/** A signing certificate and, for a dual pair in the same state, its encryption certificate. */
	private List<CertificateRow> withPair(CertificateRow signing) {
		List<CertificateRow> rows = new ArrayList<>(List.of(signing));
		this.store.encryptionSerialOf(signing.serial())
			.flatMap(this.store::find)
			.filter((pair) -> pair.status().equals(signing.status()))
			.ifPresent(rows::add);
		return rows;
	}

	/**
	 * A certificate to act on: the encryption certificate of a dual pair goes with its signing
	 * certificate and is not acted on alone.
	 */
	private CertificateRow acting(String serial) {
		CertificateRow row = row(serial);
		if ("ENCRYPTION".equals(row.usage())) {
			String signing = this.store.signingSerialOf(row.serial()).orElse("?");
			throw new TrustException(CaError.ENCRYPTION_CERTIFICATE_PAIRED, signing);
		}
		return row;
	}

	private void record(CertificateRow row, String act, String detail, String actor) {
		Instant now = this.clock.instant();
		this.store.recordEvent(row.serial(), row.enterpriseId(), act, detail, actor, now);
		this.events.publishEvent(new CertificateActed(row.serial(), row.enterpriseId(), act, detail, actor, now));
	}

	private PublicKey requestKey(String csr) {
		Csrs.Result result = Csrs.verifiedKey(csr);
		switch (result.problem()) {
			case NOT_A_REQUEST -> throw TrustException.forField("csr", CaError.CSR_INVALID);
			case SIGNATURE -> throw TrustException.forField("csr", CaError.CSR_SIGNATURE);
			case KEY_TYPE -> throw TrustException.forField("csr", CaError.KEY_TYPE, result.detail());
			default -> {
			}
		}
		if (this.store.keyCertified(Pki.fingerprint(result.key()))) {
			throw TrustException.forField("csr", CaError.KEY_REUSED);
		}
		return result.key();
	}

	private void requireActive(CertificateRow row) {
		CertificateStatus status = view(row).status();
		if (status != CertificateStatus.VALID) {
			throw new TrustException(CaError.CERTIFICATE_NOT_ACTIVE, statusLabel(status));
		}
	}

	CertificateRow row(String serial) {
		String key = serial == null ? "" : serial.strip().toLowerCase(java.util.Locale.ROOT);
		return this.store.find(key).orElseThrow(() -> new TrustException(CaError.CERTIFICATE_NOT_FOUND, key));
	}

	/**
	 * The register row of a certificate this CA issued, or not found.
	 * @param certificate the certificate
	 * @return the row
	 */
	CertificateRow ours(X509Certificate certificate) {
		CertificateRow row = this.store.find(Pki.hex(certificate.getSerialNumber())).orElse(null);
		if (row == null || !java.util.Arrays.equals(row.der(), encoded(certificate))) {
			throw new TrustException(CaError.CERTIFICATE_NOT_FOUND, Pki.hex(certificate.getSerialNumber()));
		}
		return row;
	}

	private static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			return new byte[0];
		}
	}

	CertificateView view(CertificateRow row) {
		Instant now = this.clock.instant();
		CertificateStatus status;
		if ("REVOKED".equals(row.status())) {
			status = row.supersededBy() != null ? CertificateStatus.SUPERSEDED : CertificateStatus.REVOKED;
		}
		else if ("SUSPENDED".equals(row.status())) {
			status = CertificateStatus.SUSPENDED;
		}
		else if (now.isBefore(row.notBefore())) {
			status = CertificateStatus.NOT_YET_VALID;
		}
		else if (!now.isBefore(row.notAfter())) {
			status = CertificateStatus.EXPIRED;
		}
		else {
			status = CertificateStatus.VALID;
		}
		Instant renewalFrom = row.notAfter().minus(this.properties.renewalWindow());
		boolean renewalDue = status == CertificateStatus.VALID && !now.isBefore(renewalFrom);
		return new CertificateView(row.serial(), row.enterpriseId(), row.usage(), row.keyStorage(), row.keyType(),
				Masking.name(this.cipher.decrypt(row.holderName())), row.notBefore(), row.notAfter(), status,
				row.statusAt(), "VALID".equals(row.status()) ? null : RevocationReason.of(row.revocationReason()),
				row.supersededBy(), renewalFrom, renewalDue, row.issuedAt());
	}

}
