package org.govtrust.ca;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.govtrust.shared.error.TrustException;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.ClientView;
import org.govtrust.sso.RegisterClientCommand;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.WebClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CA end to end below the pages: enrolment, issuance from a CSR, the certificate
 * profile read back field by field with Bouncy Castle, what {@code openssl} makes of the
 * published chain, CRL and OCSP answers (good, revoked at once, unknown), delta CRLs,
 * suspension, renewal with proof of the old key, change, unlock codes, and certificate login
 * with each of its failure messages.
 */
@GovTrustTest
class CertificateAuthorityTests {

	static final String CODE = "91110105MA1GT001XJ";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	EnterpriseService enterprises;

	@Autowired
	CertificateService certificates;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	PkiPublication publication;

	@Autowired
	DataSource dataSource;

	@Autowired
	ClientService clients;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void enrolmentChecksTheCreditCodeAndReportsEveryWrongField() {
		assertThatThrownBy(() -> this.enterprises.enrol(new EnrolEnterpriseCommand("", "91110105MA1GT001XK", "",
				"110101199003071234", "a-b", null), "staff:test"))
			.isInstanceOfSatisfying(org.govtrust.shared.error.InvalidInputException.class,
					(ex) -> assertThat(ex.getProblems()).extracting((p) -> p.code().code())
						.containsExactlyInAnyOrder("CA-1001", "CA-1004", "CA-1005", "CA-1006", "CA-1007"));
		EnterpriseView enterprise = enrol();
		assertThat(enterprise.legalRepName()).doesNotContain("小明");
		assertThatThrownBy(this::enrol).isInstanceOfSatisfying(TrustException.class,
				(ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.ENTERPRISE_EXISTS));
	}

	@Test
	void issuedCertificateCarriesTheProfile() throws Exception {
		KeyPair key = ecKey();
		IssuedCertificate issued = issue(enrol(), key);
		X509Certificate certificate = parse(issued.pem());
		assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
		assertThat(certificate.getSubjectX500Principal().getName()).contains("OU=" + CODE).contains("C=CN");
		assertThat(certificate.getKeyUsage()[0]).isTrue(); // digitalSignature
		assertThat(certificate.getKeyUsage()[1]).isTrue(); // nonRepudiation
		assertThat(certificate.getKeyUsage()[2]).isFalse();
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
		assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.15", "2.5.29.19");
		X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
		assertThat(text(holder.getExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.156.10260.4.1.4"))))
			.isEqualTo(CODE);
		assertThat(ascii(holder.getExtension(Extension.cRLDistributionPoints)))
			.contains("http://localhost:8080/ca/crl/issuing.crl");
		assertThat(ascii(holder.getExtension(Extension.freshestCRL))).contains("issuing-delta.crl");
		String aia = ascii(holder.getExtension(Extension.authorityInfoAccess));
		assertThat(aia).contains("http://localhost:8080/ca/ocsp").contains("http://localhost:8080/ca/certs/issuing.cer");
		assertThat(holder.getExtension(Extension.certificatePolicies)).isNotNull();
		assertThat(holder.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
		assertThat(holder.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
		assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
			.isEqualTo(Duration.ofDays(365).plusMinutes(1));
		// signed by the issuing CA, whose certificate is served at the AIA address
		X509Certificate issuing = caCertificate("/ca/certs/issuing.cer");
		certificate.verify(issuing.getPublicKey());
		issuing.verify(caCertificate("/ca/certs/root.cer").getPublicKey());
		assertThat(issuing.getBasicConstraints()).isEqualTo(0);
	}

	@Test
	void requestsThatProveNothingAreRefused() throws Exception {
		EnterpriseView enterprise = enrol();
		assertThatThrownBy(() -> this.certificates.issue(enterprise.id(), "not a request", true, null, "staff:t"))
			.isInstanceOfSatisfying(TrustException.class, (ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.CSR_INVALID));
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(1024);
		String weak = csr(rsa.generateKeyPair(), "SHA256withRSA");
		assertThatThrownBy(() -> this.certificates.issue(enterprise.id(), weak, true, null, "staff:t"))
			.isInstanceOfSatisfying(TrustException.class, (ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.KEY_TYPE));
		// a request whose signature is not by its key
		KeyPair a = ecKey();
		KeyPair b = ecKey();
		PKCS10CertificationRequest forged = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), a.getPublic())
			.build(new JcaContentSignerBuilder("SHA256withECDSA").build(b.getPrivate()));
		String forgedPem = pem(forged);
		assertThatThrownBy(() -> this.certificates.issue(enterprise.id(), forgedPem, true, null, "staff:t"))
			.isInstanceOfSatisfying(TrustException.class, (ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.CSR_SIGNATURE));
		issue(enterprise, a);
		assertThatThrownBy(() -> issue(enterprise, a)).isInstanceOfSatisfying(TrustException.class,
				(ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.KEY_REUSED));
	}

	@Test
	void opensslVerifiesTheChainWithTheCrlAndSeesARevocationAtOnce(@org.junit.jupiter.api.io.TempDir Path dir)
			throws Exception {
		Assumptions.assumeTrue(openssl(), "openssl is not installed: skipped");
		IssuedCertificate issued = issue(enrol(), ecKey());
		Files.writeString(dir.resolve("cert.pem"), issued.pem());
		Files.writeString(dir.resolve("chain.pem"), issued.chainPem());
		Files.write(dir.resolve("crl.der"), bytes("/ca/crl/issuing.crl"));
		Files.write(dir.resolve("root.crl.der"), bytes("/ca/crl/root.crl"));
		run(dir, "openssl", "crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem");
		run(dir, "openssl", "crl", "-inform", "DER", "-in", "root.crl.der", "-out", "root.crl.pem");
		String crls = Files.readString(dir.resolve("crl.pem")) + Files.readString(dir.resolve("root.crl.pem"));
		Files.writeString(dir.resolve("crls.pem"), crls);
		// openssl checks validity at the test clock's time, not the real one (the CRL is a day's)
		Result good = run(dir, "openssl", "verify", "-attime", testTime(), "-crl_check_all", "-CAfile", "chain.pem",
				"-CRLfile", "crls.pem", "cert.pem");
		assertThat(good.output()).contains("cert.pem: OK");

		this.certificates.revoke(issued.certificate().serial(), RevocationReason.KEY_COMPROMISE, "staff:t");
		Files.write(dir.resolve("crl.der"), bytes("/ca/crl/issuing.crl"));
		run(dir, "openssl", "crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem");
		Result revoked = run(dir, "openssl", "verify", "-attime", testTime(), "-crl_check", "-CAfile", "chain.pem",
				"-CRLfile", "crl.pem", "cert.pem");
		assertThat(revoked.exit()).isNotZero();
		assertThat(revoked.output()).contains("certificate revoked");

		X509CRL crl = crl("/ca/crl/issuing.crl");
		crl.verify(caCertificate("/ca/certs/issuing.cer").getPublicKey());
		X509CRLEntry entry = crl.getRevokedCertificate(new BigInteger(issued.certificate().serial(), 16));
		assertThat(entry).isNotNull();
		assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
		assertThat(crl.getNextUpdate().toInstant()).isEqualTo(MutableClock.START.plus(Duration.ofDays(1)));
		assertThat(crl.getCriticalExtensionOIDs()).contains("2.5.29.28"); // issuing distribution point
	}

	@Test
	void opensslOcspSaysGoodThenRevokedThenUnknown(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(openssl(), "openssl is not installed: skipped");
		IssuedCertificate issued = issue(enrol(), ecKey());
		Files.writeString(dir.resolve("cert.pem"), issued.pem());
		Files.writeString(dir.resolve("chain.pem"), issued.chainPem());
		Files.writeString(dir.resolve("issuing.pem"), issued.chainPem().substring(0,
				issued.chainPem().indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----".length()) + "\n");
		assertThat(opensslOcsp(dir, "-cert", "cert.pem")).contains("cert.pem: good");
		this.certificates.revoke(issued.certificate().serial(), RevocationReason.CESSATION_OF_OPERATION, "staff:t");
		String revoked = opensslOcsp(dir, "-cert", "cert.pem");
		assertThat(revoked).contains("cert.pem: revoked").contains("Reason: cessationOfOperation");
		assertThat(opensslOcsp(dir, "-serial", "0x1234abcd")).contains("0x1234abcd: unknown");
	}

	@Test
	void crlsAreReSignedJustAfterTheRevocationCommitsNotWhileItHoldsItsLocks() throws Exception {
		IssuedCertificate issued = issue(enrol(), ecKey());
		long before = crlNumber();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.certificates.revoke(issued.certificate().serial(), RevocationReason.KEY_COMPROMISE, "staff:t");
			// still inside the revocation's transaction (which holds the audit chain's head):
			// no CRL is being built yet
			assertThat(crlNumber()).isEqualTo(before);
		});
		assertThat(crlNumber()).isGreaterThan(before);
		assertThat(crl("/ca/crl/issuing.crl").getRevokedCertificate(new BigInteger(issued.certificate().serial(), 16)))
			.isNotNull();

		// a revocation rolled back leaves the CRLs as they were
		IssuedCertificate other = issue(enrol("91110105MA1GT0028J"), ecKey());
		long published = crlNumber();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.certificates.revoke(other.certificate().serial(), RevocationReason.KEY_COMPROMISE, "staff:t");
			status.setRollbackOnly();
		});
		assertThat(crlNumber()).isEqualTo(published);
		assertThat(this.certificates.get(other.certificate().serial()).status()).isEqualTo(CertificateStatus.VALID);
	}

	@Test
	void crlDownloadedAgainAnswersNotModifiedUntilANewCrlIsSigned() throws Exception {
		org.springframework.mock.web.MockHttpServletResponse first = this.mvc.perform(get("/ca/crl/issuing.crl"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String etag = first.getHeader("ETag");
		assertThat(etag).isEqualTo("\"" + org.govtrust.shared.security.Sha256.hex(first.getContentAsByteArray()) + "\"");
		assertThat(first.getHeader("Last-Modified")).isNull();
		this.mvc.perform(get("/ca/crl/issuing.crl").header("If-None-Match", etag)).andExpect(status().isNotModified());

		IssuedCertificate issued = issue(enrol(), ecKey());
		this.certificates.revoke(issued.certificate().serial(), RevocationReason.KEY_COMPROMISE, "staff:t");
		org.springframework.mock.web.MockHttpServletResponse again = this.mvc
			.perform(get("/ca/crl/issuing.crl").header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(again.getHeader("ETag")).isNotEqualTo(etag);
		X509CRL crl = parsedCrl(again.getContentAsByteArray());
		assertThat(crl.getRevokedCertificate(new BigInteger(issued.certificate().serial(), 16))).isNotNull();
	}

	@Test
	void crlServedIsTheOneInTheDatabaseEvenWhenItsNumberWasUsedBefore() throws Exception {
		byte[] first = bytes("/ca/crl/issuing.crl"); // kept by this node
		// a database restored to before that CRL: the numbering starts again
		this.jdbc.sql("DELETE FROM ca_crl").update();
		this.jdbc.sql("DELETE FROM ca_crl_sequence").update();
		byte[] again = bytes("/ca/crl/issuing.crl");
		assertThat(parsedCrl(again).getExtensionValue("2.5.29.20"))
			.isEqualTo(parsedCrl(first).getExtensionValue("2.5.29.20")); // same number...
		assertThat(again).isNotEqualTo(first) // ...another signature (ECDSA)...
			.isEqualTo(this.jdbc.sql("SELECT der FROM ca_crl WHERE issuer = 'issuing' AND kind = 'FULL'")
				.query(byte[].class)
				.single()); // ...and what is served is what the database holds
	}

	@Test
	void expiredCrlIsSignedOnceWhenAnotherNodeSignsItWhileADownloadWaits() throws Exception {
		bytes("/ca/crl/issuing.crl");
		this.clock.advance(Duration.ofDays(2)); // past nextUpdate: the servers were down
		CountDownLatch otherNodeSigned = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// threads of its own: the common pool has a single thread on two cores, which the other
		// node's task holds while it waits, and the download would never start
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// another node signs the expired CRL and holds the sequence's row lock until it commits
			CompletableFuture<Long> otherNode = CompletableFuture
				.supplyAsync(() -> new TransactionTemplate(this.transactions).execute((status) -> {
					this.publication.publish(true);
					long number = crlNumber(); // its own, not committed yet
					otherNodeSigned.countDown();
					await(commit);
					return number;
				}), threads);
			assertThat(otherNodeSigned.await(30, TimeUnit.SECONDS)).isTrue();
			// a download here still reads the expired CRL, and waits for that lock
			CompletableFuture<byte[]> download = CompletableFuture.supplyAsync(() -> {
				try {
					return bytes("/ca/crl/issuing.crl");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, threads);
			awaitARowLockWait();
			commit.countDown();
			long signedByOtherNode = otherNode.get(30, TimeUnit.SECONDS);
			byte[] served = download.get(30, TimeUnit.SECONDS);
			assertThat(crlNumber()).isEqualTo(signedByOtherNode); // the download signed nothing
			assertThat(CRLNumber.getInstance(new X509CRLHolder(served).getExtension(Extension.cRLNumber).getParsedValue())
				.getCRLNumber()).isEqualTo(signedByOtherNode);
			assertThat(parsedCrl(served).getNextUpdate().toInstant()).isAfter(this.clock.instant());
		}
		finally {
			commit.countDown(); // never leave the other node's lock held for the next test
			threads.shutdown();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Until a session of this database waits for a lock another holds. */
	private void awaitARowLockWait() throws Exception {
		String product;
		try (Connection connection = this.dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		String waiting = product.startsWith("PostgreSQL")
				? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
				: "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (this.jdbc.sql(waiting).query(Long.class).single() == 0) {
			assertThat(System.nanoTime()).as("a download waiting for the CRL sequence's lock").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	@Test
	void scheduledJobsSignFreshCrlsAndForgetExpiredLoginChallenges() throws Exception {
		issue(enrol(), ecKey());
		crl("/ca/crl/issuing.crl");
		crl("/ca/crl/root.crl");
		long issuing = crlNumber();
		long root = this.jdbc.sql("SELECT number FROM ca_crl WHERE issuer = 'root' AND kind = 'FULL'")
			.query(Long.class)
			.single();
		UUID expired = challenge(this.clock.instant().plus(Duration.ofMinutes(5)));
		this.clock.advance(Duration.ofHours(12));
		UUID open = challenge(this.clock.instant().plus(Duration.ofMinutes(5)));

		this.publication.republishOnSchedule();
		this.publication.forgetExpiredChallenges();

		assertThat(crlNumber()).isGreaterThan(issuing);
		assertThat(this.jdbc.sql("SELECT number FROM ca_crl WHERE issuer = 'root' AND kind = 'FULL'")
			.query(Long.class)
			.single()).isGreaterThan(root);
		X509CRL served = crl("/ca/crl/issuing.crl");
		assertThat(served.getThisUpdate().toInstant()).isEqualTo(this.clock.instant());
		assertThat(served.getNextUpdate().toInstant()).isEqualTo(this.clock.instant().plus(Duration.ofDays(1)));
		assertThat(this.jdbc.sql("SELECT id FROM ca_login_challenge").query(UUID.class).list()).containsExactly(open)
			.doesNotContain(expired);
	}

	private UUID challenge(Instant expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO ca_login_challenge (id, text, expires_at) VALUES (:id, 'test', :expires)")
			.param("id", id)
			.param("expires", expiresAt.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	long crlNumber() {
		return this.jdbc.sql("SELECT number FROM ca_crl WHERE issuer = 'issuing' AND kind = 'FULL'")
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	@Test
	void ocspEchoesTheNonceAndMarksSuspensionsAsHold() throws Exception {
		IssuedCertificate issued = issue(enrol(), ecKey());
		X509Certificate certificate = parse(issued.pem());
		X509Certificate issuing = caCertificate("/ca/certs/issuing.cer");
		byte[] nonce = new byte[16];
		new java.security.SecureRandom().nextBytes(nonce);
		this.certificates.suspend(issued.certificate().serial(), "staff:t");
		BasicOCSPResp basic = ocsp(certificate.getSerialNumber(), issuing, nonce);
		assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing.getPublicKey()))).isTrue();
		assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
			.isEqualTo(new DEROctetString(nonce).getOctets());
		SingleResp single = basic.getResponses()[0];
		assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
		assertThat(((RevokedStatus) single.getCertStatus()).getRevocationReason()).isEqualTo(CRLReason.certificateHold);
		// resumed: good again, and the delta CRL says removeFromCRL
		this.certificates.resume(issued.certificate().serial(), "staff:t");
		assertThat(ocsp(certificate.getSerialNumber(), issuing, nonce).getResponses()[0].getCertStatus()).isNull();
		X509CRL delta = crl("/ca/crl/issuing-delta.crl");
		assertThat(delta.getCriticalExtensionOIDs()).contains(Extension.deltaCRLIndicator.getId());
		assertThat(delta.getRevokedCertificate(certificate.getSerialNumber()).getRevocationReason())
			.isEqualTo(java.security.cert.CRLReason.REMOVE_FROM_CRL);
		assertThat(crl("/ca/crl/issuing.crl").getRevokedCertificate(certificate.getSerialNumber())).isNull();
		// a serial never issued: unknown
		assertThat(ocsp(BigInteger.valueOf(42), issuing, nonce).getResponses()[0].getCertStatus())
			.isInstanceOf(UnknownStatus.class);
		// garbage: malformedRequest
		byte[] answer = this.mvc.perform(post("/ca/ocsp").contentType("application/ocsp-request").content(new byte[] { 1, 2 }))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new OCSPResp(answer).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
	}

	@Test
	void certificateLoginSignsTheEnterpriseInAndExplainsEachRefusal() throws Exception {
		KeyPair key = ecKey();
		IssuedCertificate issued = issue(enrol(), key);
		byte[] der = parse(issued.pem()).getEncoded();
		Map<String, Object> challenge = challenge();
		assertThat((String) challenge.get("text")).startsWith("GovTrust certificate login\norigin: http://localhost\n");
		this.mvc.perform(post("/api/v1/login/certificate").contentType(MediaType.APPLICATION_JSON)
			.content(answer(challenge, der, sign(key, (String) challenge.get("text")))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.redirect").value("/enterprise"));
		// the same challenge again
		login(challenge, der, sign(key, (String) challenge.get("text")), "CA-3002");
		// a signature by another key
		Map<String, Object> second = challenge();
		login(second, der, sign(ecKey(), (String) second.get("text")), "CA-3003");
		// suspended, then revoked with date and reason
		String serial = issued.certificate().serial();
		this.certificates.suspend(serial, "staff:t");
		Map<String, Object> third = challenge();
		login(third, der, sign(key, (String) third.get("text")), "CA-3008");
		this.certificates.revoke(serial, RevocationReason.KEY_COMPROMISE, "staff:t");
		Map<String, Object> fourth = challenge();
		String detail = login(fourth, der, sign(key, (String) fourth.get("text")), "CA-3007");
		assertThat(detail).contains("2026-11-22").contains("密钥泄露");
	}

	@Test
	void expiredAndUnknownCertificatesAreRefusedWithTheirOwnMessages() throws Exception {
		KeyPair key = ecKey();
		IssuedCertificate issued = issue(enrol(), key);
		byte[] der = parse(issued.pem()).getEncoded();
		this.clock.advance(Duration.ofDays(366));
		Map<String, Object> challenge = challenge();
		String detail = login(challenge, der, sign(key, (String) challenge.get("text")), "CA-3006");
		assertThat(detail).contains("2027-11-2");
		this.clock.reset();
		// a certificate from some other CA
		KeyPair other = ecKey();
		X509Certificate foreign = selfSigned(other);
		Map<String, Object> again = challenge();
		login(again, foreign.getEncoded(), sign(other, (String) again.get("text")), "CA-3004");
		// expired challenge
		Map<String, Object> late = challenge();
		this.clock.advance(Duration.ofMinutes(3));
		login(late, der, sign(key, (String) late.get("text")), "CA-3001");
	}

	@Test
	void renewalNeedsTheWindowAndTheOldKeyAndSupersedesTheOldCertificate() throws Exception {
		KeyPair oldKey = ecKey();
		IssuedCertificate issued = issue(enrol(), oldKey);
		byte[] oldDer = parse(issued.pem()).getEncoded();
		KeyPair newKey = ecKey();
		String csr = csr(newKey, "SHA256withECDSA");
		byte[] proof = sign(oldKey, org.govtrust.ca.crypto.Csrs.der(csr));
		renew(csr, oldDer, proof).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CA-2012"));
		this.clock.advance(Duration.ofDays(340));
		renew(csr, oldDer, sign(ecKey(), org.govtrust.ca.crypto.Csrs.der(csr))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("CA-2014"));
		MvcResult result = renew(csr, oldDer, proof).andExpect(status().isCreated()).andReturn();
		String newPem = this.json.readTree(result.getResponse().getContentAsString()).get("certificate").asString();
		assertThat(parse(newPem).getPublicKey()).isEqualTo(newKey.getPublic());
		CertificateView old = this.certificates.get(issued.certificate().serial());
		assertThat(old.status()).isEqualTo(CertificateStatus.SUPERSEDED);
		Map<String, Object> challenge = challenge();
		login(challenge, oldDer, sign(oldKey, (String) challenge.get("text")), "CA-3011");
		assertThat(this.certificates.history(issued.certificate().enterpriseId())).extracting(HistoryEntry::act)
			.contains("ISSUED", "RENEWED", "SUPERSEDED");
	}

	@Test
	void changeIssuesANewCertificateWithTheNewNumbers() throws Exception {
		IssuedCertificate issued = issue(enrol(), ecKey());
		String csr = csr(ecKey(), "SHA256withECDSA");
		assertThatThrownBy(() -> this.certificates.change(issued.certificate().serial(), csr, null, null, "staff:t"))
			.isInstanceOfSatisfying(TrustException.class, (ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.CHANGE_NOTHING));
		IssuedCertificate changed = this.certificates.change(issued.certificate().serial(), csr, "GJJ12345", "SB678",
				"staff:t");
		X509Certificate certificate = parse(changed.pem());
		assertThat(text(new X509CertificateHolder(certificate.getEncoded())
			.getExtension(org.govtrust.ca.crypto.LegalPersonProfile.HOUSING_FUND_NUMBER))).isEqualTo("GJJ12345");
		assertThat(this.certificates.get(issued.certificate().serial()).status()).isEqualTo(CertificateStatus.SUPERSEDED);
		assertThat(this.enterprises.get(issued.certificate().enterpriseId()).socialSecurityNumber()).isEqualTo("SB678");
	}

	@Test
	void unlockCodeIsSignedByTheIssuingCaAndBoundToTheRequest() throws Exception {
		IssuedCertificate issued = issue(enrol(), ecKey());
		Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
		String request = url.encodeToString("pkcs11:abc123".getBytes(StandardCharsets.UTF_8)) + "."
				+ url.encodeToString(new byte[16]);
		String code = this.certificates.unlockCode(issued.certificate().serial(), request, "staff:t");
		String[] parts = code.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
		assertThat(payload).startsWith("govtrust-unlock|pkcs11:abc123|" + url.encodeToString(new byte[16]) + "|"
				+ issued.certificate().serial() + "|");
		Signature verifier = Signature.getInstance("SHA256withECDSA");
		verifier.initVerify(caCertificate("/ca/certs/issuing.cer"));
		verifier.update(payload.getBytes(StandardCharsets.UTF_8));
		assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[1]))).isTrue();
		assertThatThrownBy(() -> this.certificates.unlockCode(issued.certificate().serial(), "nonsense", "staff:t"))
			.isInstanceOfSatisfying(TrustException.class,
					(ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.UNLOCK_REQUEST_CODE));
	}

	// --- helpers

	EnterpriseView enrol() {
		return enrol(CODE);
	}

	EnterpriseView enrol(String creditCode) {
		return this.enterprises.enrol(new EnrolEnterpriseCommand("北京示范科技有限公司", creditCode, "王小明",
				"110101199003071233", null, null), "staff:test");
	}

	IssuedCertificate issue(EnterpriseView enterprise, KeyPair key) throws Exception {
		return this.certificates.issue(enterprise.id(), csr(key, "SHA256withECDSA"), true, null, "staff:test");
	}

	static KeyPair ecKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	static String csr(KeyPair key, String algorithm) throws Exception {
		return pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=placeholder"), key.getPublic())
			.build(new JcaContentSignerBuilder(algorithm).build(key.getPrivate())));
	}

	static String pem(Object object) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		return text.toString();
	}

	static X509Certificate parse(String pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
	}

	static X509Certificate selfSigned(KeyPair key) throws Exception {
		X500Name name = new X500Name("CN=Other CA,C=CN");
		return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
				new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, BigInteger.TEN,
						java.util.Date.from(MutableClock.START.minusSeconds(60)),
						java.util.Date.from(MutableClock.START.plus(Duration.ofDays(30))), name, key.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
	}

	static String ascii(Extension extension) {
		return new String(extension.getExtnValue().getOctets(), StandardCharsets.ISO_8859_1);
	}

	static String text(Extension extension) throws IOException {
		return ((ASN1String) ASN1Primitive.fromByteArray(extension.getExtnValue().getOctets())).getString();
	}

	static byte[] sign(KeyPair key, String text) throws Exception {
		return sign(key, text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void tokensStopOnceTheSignInCertificateIsRevoked() throws Exception {
		KeyPair key = ecKey();
		IssuedCertificate issued = issue(enrol(), key);
		byte[] der = parse(issued.pem()).getEncoded();
		for (String table : List.of("sso_token_index", "oauth2_authorization", "oauth2_authorization_consent",
				"oauth2_registered_client")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
		ClientView app = this.clients.register(new RegisterClientCommand("permit-web", "企业开办", "市场监督管理局", null,
				List.of(APP_REDIRECT), List.of(), List.of("openid", "profile"), true, false, "loa1", false, false, null));
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("permit-web:" + app.clientSecret()).getBytes(StandardCharsets.UTF_8));
		WebClient enterprise = new WebClient(this.mvc, this.json);
		Map<String, Object> challenge = challenge();
		enterprise.post("/api/v1/login/certificate", this.json.readValue(
				answer(challenge, der, sign(key, (String) challenge.get("text"))), Map.class))
			.andExpect(status().isOk());
		String tokens = tokens(basic, "authorization_code", authorizationCode(enterprise), "code");
		assertThat(JsonPath.<String>read(tokens, "$.access_token")).isNotBlank();
		// refreshing works while the certificate is in force
		String refresh = JsonPath.read(tokens(basic, "refresh_token", JsonPath.read(tokens, "$.refresh_token"),
				"refresh_token"), "$.refresh_token");
		// signing out on GovTrust ends the app's sign-in too, as for a person
		enterprise.post("/api/v1/logout", Map.of()).andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization").query(Long.class).single()).isZero();
		Map<String, Object> again = challenge();
		enterprise.post("/api/v1/login/certificate", this.json.readValue(
				answer(again, der, sign(key, (String) again.get("text"))), Map.class))
			.andExpect(status().isOk());
		refresh = JsonPath.read(tokens(basic, "authorization_code", authorizationCode(enterprise), "code"),
				"$.refresh_token");

		this.certificates.revoke(issued.certificate().serial(), RevocationReason.KEY_COMPROMISE, "staff:t");

		this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("grant_type", "refresh_token")
			.param("refresh_token", refresh))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_grant"))
			.andExpect(jsonPath("$.error_description").value(org.hamcrest.Matchers.containsString("CA-3007")));
		// nor on the GovTrust session the certificate opened: a new code is not exchanged either
		this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("grant_type", "authorization_code")
			.param("code", authorizationCode(enterprise))
			.param("redirect_uri", APP_REDIRECT)
			.param("code_verifier", VERIFIER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_grant"));
	}

	@Test
	void anEnterpriseIsAskedForItsCertificateWhenAnAppWantsASignInNowOrItsUsbKey() throws Exception {
		KeyPair key = ecKey();
		// a soft token: LOA3; a USB key would reach LOA4
		IssuedCertificate issued = this.certificates.issue(enrol().id(), csr(key, "SHA256withECDSA"), false, null,
				"staff:test");
		byte[] der = parse(issued.pem()).getEncoded();
		for (String table : List.of("sso_token_index", "oauth2_authorization", "oauth2_authorization_consent",
				"oauth2_registered_client")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
		this.clients.register(new RegisterClientCommand("permit-web", "企业开办", "市场监督管理局", null,
				List.of(APP_REDIRECT), List.of(), List.of("openid", "profile"), true, false, "loa1", false, false, null));
		WebClient enterprise = new WebClient(this.mvc, this.json);
		Map<String, Object> challenge = challenge();
		enterprise.post("/api/v1/login/certificate", this.json.readValue(
				answer(challenge, der, sign(key, (String) challenge.get("text"))), Map.class))
			.andExpect(status().isOk());
		String authorize = "/oauth2/authorize?response_type=code&client_id=permit-web&scope=openid%20profile&state=s1"
				+ "&redirect_uri=" + java.net.URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
				+ "&code_challenge=challenge-" + "c".repeat(40) + "&code_challenge_method=S256";
		// a sign-in now: the certificate sign-in page, which goes on with the request
		assertThat(enterprise.get(authorize + "&prompt=login").andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login/certificate?again=1&next=" + java.net.URLEncoder.encode(authorize, StandardCharsets.UTF_8));
		// silently, a level its USB key would reach: the app hears that a sign-in is needed
		assertThat(enterprise.get(authorize + "&acr_values=loa4&prompt=none").andReturn().getResponse().getRedirectedUrl())
			.startsWith(APP_REDIRECT + "?error=login_required&");
	}

	static final String APP_REDIRECT = "http://localhost:9000/login/oauth2/code/govtrust";

	static final String VERIFIER = "verifier-" + "e".repeat(40);

	/** The code the authorization endpoint gives the signed-in enterprise for "permit-web". */
	static String authorizationCode(WebClient enterprise) throws Exception {
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(java.security.MessageDigest.getInstance("SHA-256")
				.digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
		String location = enterprise
			.get("/oauth2/authorize?response_type=code&client_id=permit-web&scope=openid%20profile&state=s1"
					+ "&redirect_uri=" + java.net.URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
					+ "&code_challenge=" + challenge + "&code_challenge_method=S256")
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith(APP_REDIRECT);
		return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
	}

	String tokens(String basic, String grant, String value, String parameter) throws Exception {
		var request = post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("grant_type", grant)
			.param(parameter, value);
		if ("code".equals(parameter)) {
			request.param("redirect_uri", APP_REDIRECT).param("code_verifier", VERIFIER);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static byte[] sign(KeyPair key, byte[] data) throws Exception {
		Signature signature = Signature.getInstance("SHA256withECDSA");
		signature.initSign(key.getPrivate());
		signature.update(data);
		return signature.sign();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> challenge() throws Exception {
		String body = this.mvc.perform(post("/api/v1/login/certificate/challenges"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readValue(body, Map.class);
	}

	String answer(Map<String, Object> challenge, byte[] certificate, byte[] signature) throws Exception {
		return this.json.writeValueAsString(Map.of("challengeId", challenge.get("id"), "certificate",
				Base64.getEncoder().encodeToString(certificate), "signature", Base64.getEncoder().encodeToString(signature)));
	}

	String login(Map<String, Object> challenge, byte[] certificate, byte[] signature, String code) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/login/certificate").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "zh-CN")
				.content(answer(challenge, certificate, signature)))
			.andExpect(jsonPath("$.code").value(code))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString();
	}

	org.springframework.test.web.servlet.ResultActions renew(String csr, byte[] current, byte[] proof) throws Exception {
		return this.mvc.perform(post("/api/v1/ca/renewals").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("csr", csr, "certificate",
					Base64.getEncoder().encodeToString(current), "signature", Base64.getEncoder().encodeToString(proof)))));
	}

	byte[] bytes(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	X509Certificate caCertificate(String path) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new java.io.ByteArrayInputStream(bytes(path)));
	}

	X509CRL crl(String path) throws Exception {
		return parsedCrl(bytes(path));
	}

	static X509CRL parsedCrl(byte[] der) throws Exception {
		return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(der));
	}

	BasicOCSPResp ocsp(BigInteger serial, X509Certificate issuer, byte[] nonce) throws Exception {
		CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
				new X509CertificateHolder(issuer.getEncoded()), serial);
		byte[] request = new OCSPReqBuilder().addRequest(id)
			.setRequestExtensions(new Extensions(
					new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))))
			.build()
			.getEncoded();
		byte[] response = this.mvc.perform(post("/ca/ocsp").contentType("application/ocsp-request").content(request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		OCSPResp resp = new OCSPResp(response);
		assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
		return (BasicOCSPResp) resp.getResponseObject();
	}

	/**
	 * openssl builds the request (with a nonce), the server answers, openssl checks the
	 * signature and the status. The server runs on the test clock, so openssl checks the chain
	 * at that time ({@code -attime}), and accepts the answer's times however far the real clock
	 * has moved on since (its status-time check has no {@code -attime}).
	 */
	String opensslOcsp(Path dir, String... target) throws Exception {
		List<String> request = new ArrayList<>(List.of("openssl", "ocsp", "-issuer", "issuing.pem", "-reqout", "req.der"));
		request.addAll(List.of(target));
		run(dir, request.toArray(String[]::new));
		byte[] response = this.mvc
			.perform(post("/ca/ocsp").contentType("application/ocsp-request").content(Files.readAllBytes(dir.resolve("req.der"))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Files.write(dir.resolve("resp.der"), response);
		List<String> check = new ArrayList<>(List.of("openssl", "ocsp", "-respin", "resp.der", "-issuer", "issuing.pem",
				"-CAfile", "chain.pem", "-no_nonce", "-attime", testTime(), "-validity_period",
				Long.toString(Duration.between(this.clock.instant(), Instant.now()).abs().toSeconds() + 86400)));
		check.addAll(List.of(target));
		Result result = run(dir, check.toArray(String[]::new));
		assertThat(result.output()).contains("Response verify OK");
		return result.output();
	}

	/** The test clock's time in seconds, for openssl's {@code -attime}. */
	private String testTime() {
		return Long.toString(this.clock.instant().getEpochSecond());
	}

	static boolean openssl() {
		try {
			return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

	record Result(int exit, String output) {
	}

	static Result run(Path dir, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	static {
		if (java.security.Security.getProvider("BC") == null) {
			java.security.Security.addProvider(new BouncyCastleProvider());
		}
	}

}
