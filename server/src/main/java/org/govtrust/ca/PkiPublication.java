package org.govtrust.ca;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.govtrust.ca.config.CaProperties;
import org.govtrust.ca.crypto.CaHierarchy;
import org.govtrust.ca.crypto.LegalPersonProfile;
import org.govtrust.ca.crypto.OcspResponder;
import org.govtrust.ca.crypto.Pki;
import org.govtrust.ca.crypto.RevocationLists;
import org.govtrust.ca.persistence.CertificateStore;
import org.govtrust.ca.persistence.CertificateStore.CrlSequence;
import org.govtrust.ca.persistence.CertificateStore.PublishedCrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the CA publishes: the complete and delta CRLs, OCSP answers and the CA certificates.
 * <p>
 * CRLs are re-signed at once on every revocation, suspension and resumption, and on
 * schedule; a CRL always exists, so a new certificate never waits for one. The re-signing
 * runs just after the change commits, in the thread that made it, so the change is
 * acknowledged only once the CRL lists it, yet no lock of the change (the audit chain's, the
 * certificate row's) is held while a CRL of a million entries is built; changes that commit
 * while a build runs share the next one. Complete and
 * delta CRLs share one number sequence; a scheduled run starts a new delta base. OCSP reads
 * the certificate register directly: a certificate is known the moment its issuance commits.
 */
@Service
public class PkiPublication {

	/** The issuing CA's name in the CRL tables. */
	static final String ISSUING = "issuing";

	static final String ROOT = "root";

	private static final Logger logger = LoggerFactory.getLogger(PkiPublication.class);

	private final CaHierarchy hierarchy;

	private final CertificateStore store;

	private final RevocationLists issuingLists;

	private final RevocationLists rootLists;

	private final OcspResponder ocsp;

	private final LegalPersonProfile.Endpoints endpoints;

	private final CaProperties properties;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	/** Changes committed in this node that asked for a CRL, and how many of them a CRL lists. */
	private final AtomicLong requested = new AtomicLong();

	private final AtomicLong listed = new AtomicLong();

	private final ReentrantLock building = new ReentrantLock();

	/** The CRL of each kind last read from the database by {@link #crl(String)}. */
	private final Map<String, PublishedCrl> lastRead = new ConcurrentHashMap<>();

	private final Map<String, Object> reading = new ConcurrentHashMap<>();

	PkiPublication(CaHierarchy hierarchy, CertificateStore store, OcspResponder ocsp, CaProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		this.hierarchy = hierarchy;
		this.store = store;
		this.issuingLists = new RevocationLists(hierarchy::issuing);
		this.rootLists = new RevocationLists(hierarchy::root);
		this.ocsp = ocsp;
		this.endpoints = LegalPersonProfile.Endpoints.under(properties.baseUrl());
		this.properties = properties;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Re-signs the CRLs once the caller's transaction has committed (at once when there is
	 * none), so that they list its change. A failure is logged, not thrown: the change stands
	 * and OCSP already answers for it, and the next change or the scheduled run re-signs.
	 */
	public void publishAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					publishChanges();
				}
			});
		}
		else {
			publishChanges();
		}
	}

	private void publishChanges() {
		long change = this.requested.incrementAndGet();
		this.building.lock();
		try {
			if (this.listed.get() >= change) {
				return; // a build that began after this change committed has listed it
			}
			long upTo = this.requested.get();
			this.ownTransaction.executeWithoutResult((status) -> publish(false));
			this.listed.set(upTo);
		}
		catch (RuntimeException ex) {
			logger.error("Re-signing the CRLs after a status change failed; the next change or the scheduled run "
					+ "re-signs them (OCSP already answers for the change)", ex);
		}
		finally {
			this.building.unlock();
		}
	}

	/**
	 * The current complete ({@code FULL}) or delta ({@code DELTA}) CRL of the issuing CA, or
	 * the root's ({@code ROOT}); signed now when none is current.
	 * <p>
	 * Each node keeps the last CRL of each kind it read: a request reads the current CRL's
	 * SHA-256 from the database, and the content only when that changed. A complete CRL of a
	 * million entries is 49 MB; read from the database on every download, a few downloads at
	 * once would take more memory than the server's heap. (A CRL number alone would not do:
	 * after a database restore, or a re-signing whose transaction failed, one number can
	 * name two contents.)
	 * <p>
	 * No transaction: a download holds a pooled connection only while it reads, or while it
	 * signs a CRL it found expired; not while it waits for a CRL that another download signs
	 * or reads.
	 * @param kind the kind
	 * @return the CRL: number, validity, DER
	 */
	public PublishedCrl crl(String kind) {
		String issuer = "ROOT".equals(kind) ? ROOT : ISSUING;
		String stored = "ROOT".equals(kind) ? "FULL" : kind;
		PublishedCrl current = this.store.crlVersion(issuer, stored).orElse(null);
		if (!isCurrent(current, this.clock.instant())) {
			current = signExpired(issuer, stored);
		}
		if (current.digest() == null) { // signed before digests were kept: not cached until re-signed
			return this.store.crl(issuer, stored).orElseThrow();
		}
		PublishedCrl cached = this.lastRead.get(kind);
		if (cached != null && current.digest().equals(cached.digest())) {
			return cached;
		}
		// one read of a new CRL, however many downloads of that kind ask at once
		synchronized (this.reading.computeIfAbsent(kind, (any) -> new Object())) {
			cached = this.lastRead.get(kind);
			if (cached != null && current.digest().equals(cached.digest())) {
				return cached;
			}
			PublishedCrl read = this.store.crl(issuer, stored).orElseThrow();
			this.lastRead.put(kind, read);
			return read;
		}
	}

	/**
	 * Signs the CRL a download found missing or expired (the scheduled run did not come in
	 * time: the servers were down), once however many downloads ask at once on however many
	 * nodes. In a node, one download at a time tries, after any re-signing a revocation
	 * started; across nodes, the CRL sequence's row lock orders them, and whoever gets it
	 * after another signed finds that CRL current and signs nothing. (At a million entries a
	 * signing takes seconds; each download signing in turn would hold a connection each and
	 * keep the last waiting for minutes.)
	 */
	private PublishedCrl signExpired(String issuer, String stored) {
		this.building.lock();
		try {
			PublishedCrl signed = this.ownTransaction.execute((status) -> {
				Instant now = this.clock.instant();
				this.store.lockSequence(issuer, now);
				PublishedCrl current = this.store.crlVersion(issuer, stored).orElse(null);
				if (isCurrent(current, now)) {
					return current;
				}
				if (ROOT.equals(issuer)) {
					publishRoot();
				}
				else {
					publish(true);
				}
				return this.store.crlVersion(issuer, stored).orElseThrow();
			});
			return Objects.requireNonNull(signed);
		}
		finally {
			this.building.unlock();
		}
	}

	private static boolean isCurrent(@Nullable PublishedCrl crl, Instant now) {
		return crl != null && crl.nextUpdate().isAfter(now);
	}

	/**
	 * Re-signs the issuing CA's complete and delta CRLs.
	 * @param rebase start a new delta base (the scheduled run), rather than list the changes
	 * since the last base (after a revocation)
	 */
	@Transactional
	public void publish(boolean rebase) {
		Instant now = this.clock.instant();
		Instant next = now.plus(this.properties.crlValidity());
		CrlSequence sequence = this.store.lockSequence(ISSUING, now);
		boolean newBase = rebase || sequence.baseNumber() == 0;
		long fullNumber = sequence.lastNumber() + 1;
		RevocationLists.Builder full = this.issuingLists.start(BigInteger.valueOf(fullNumber), null, now, next,
				this.endpoints.crl());
		this.store.revocations(null, (entry) -> full.add(new BigInteger(entry.serial(), 16), entry.at(),
				"SUSPENDED".equals(entry.status()) ? RevocationReason.CERTIFICATE_HOLD.code() : entry.reason()));
		this.store.saveCrl(ISSUING, "FULL", fullNumber, now, next, full.sign());
		long baseNumber = newBase ? fullNumber : sequence.baseNumber();
		Instant baseAt = newBase ? now : sequence.baseAt();
		long deltaNumber = fullNumber + 1;
		RevocationLists.Builder delta = this.issuingLists.start(BigInteger.valueOf(deltaNumber),
				BigInteger.valueOf(baseNumber), now, next, this.endpoints.deltaCrl());
		if (!newBase) {
			this.store.revocations(baseAt, (entry) -> delta.add(new BigInteger(entry.serial(), 16), entry.at(),
					switch (entry.status()) {
						case "SUSPENDED" -> RevocationReason.CERTIFICATE_HOLD.code();
						case "VALID" -> RevocationLists.REMOVE_FROM_CRL;
						default -> entry.reason();
					}));
		}
		this.store.saveCrl(ISSUING, "DELTA", deltaNumber, now, next, delta.sign());
		this.store.updateSequence(ISSUING, deltaNumber, baseNumber, baseAt);
		logger.debug("CRL {} and delta {} published", fullNumber, deltaNumber);
	}

	@Transactional
	void publishRoot() {
		Instant now = this.clock.instant();
		CrlSequence sequence = this.store.lockSequence(ROOT, now);
		long number = sequence.lastNumber() + 1;
		Instant next = now.plus(this.properties.crlValidity());
		// the root has issued one CA certificate, never revoked: its CRL is empty, and covers
		// the whole scope (the CA certificate names no distribution point)
		byte[] der = this.rootLists.start(BigInteger.valueOf(number), null, now, next, null).sign();
		this.store.saveCrl(ROOT, "FULL", number, now, next, der);
		this.store.updateSequence(ROOT, number, number, now);
	}

	/** The scheduled re-signing, well before {@code nextUpdate}. */
	@Scheduled(initialDelayString = "${govtrust.ca.crl-republish-interval:PT12H}",
			fixedDelayString = "${govtrust.ca.crl-republish-interval:PT12H}")
	public void republishOnSchedule() {
		this.ownTransaction.executeWithoutResult((status) -> {
			publish(true);
			publishRoot();
		});
	}

	/**
	 * Forgets expired certificate-login challenges, every hour (from five minutes after the
	 * start, so that nodes restarted often forget them too).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public void forgetExpiredChallenges() {
		this.store.deleteChallengesBefore(this.clock.instant());
	}

	/**
	 * Answers an OCSP request.
	 * @param request the DER request
	 * @return the DER response
	 */
	@Transactional(readOnly = true)
	public byte[] ocsp(byte[] request) {
		return this.ocsp.respond(request, (serial) -> this.store.find(Pki.hex(serial)).map((row) -> {
			if ("VALID".equals(row.status())) {
				return OcspResponder.Status.GOOD;
			}
			int reason = "SUSPENDED".equals(row.status()) ? RevocationReason.CERTIFICATE_HOLD.code() : row.revocationReason();
			return new OcspResponder.Status(row.statusAt(), reason);
		}).orElse(null), this.clock.instant());
	}

	/**
	 * A CA certificate.
	 * @param root the root's, else the issuing CA's
	 * @return the DER
	 */
	public byte[] caCertificate(boolean root) {
		try {
			return (root ? this.hierarchy.root() : this.hierarchy.issuing()).certificate().getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The chain in PEM, issuing CA first.
	 * @return PEM
	 */
	public String chainPem() {
		return this.hierarchy.chainPem();
	}

}
