package org.govtrust.ca.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 6960 OCSP responder for the issuing CA, signing with the CA key itself (so no
 * separate responder certificate can be forgotten or expire). It answers {@code good},
 * {@code revoked} (with time and reason; a suspension is {@code certificateHold}) or
 * {@code unknown} for serials it never issued or another issuer's, echoes the nonce, and
 * answers {@code malformedRequest} to anything it cannot parse.
 */
public final class OcspResponder {

	private static final int MAX_REQUESTS = 20;

	private final Supplier<CaHierarchy.Authority> issuer;

	private final DigestCalculatorProvider digests;

	/** The issuer certificate in Bouncy Castle's form, made once on the first request. */
	private volatile @Nullable X509CertificateHolder issuerHolder;

	private final Duration validity;

	/**
	 * A responder.
	 * @param issuer the CA it answers for, asked for on each request (the key store may still
	 * be opening)
	 * @param validity how long an answer holds
	 */
	public OcspResponder(Supplier<CaHierarchy.Authority> issuer, Duration validity) {
		this.issuer = issuer;
		this.validity = validity;
		try {
			this.digests = new JcaDigestCalculatorProviderBuilder().build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Answers a DER request.
	 * @param request the request bytes
	 * @param statusOf the status of a serial this CA issued, or null when it never did
	 * @param now the time
	 * @return the DER response
	 */
	public byte[] respond(byte[] request, Function<BigInteger, Status> statusOf, Instant now) {
		try {
			OCSPReq ocspRequest;
			try {
				ocspRequest = new OCSPReq(request);
			}
			catch (IOException | RuntimeException ex) {
				return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
			}
			Req[] entries = ocspRequest.getRequestList();
			if (entries.length == 0 || entries.length > MAX_REQUESTS) {
				return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
			}
			CaHierarchy.Authority issuer = this.issuer.get();
			X509CertificateHolder issuerHolder = issuerHolder(issuer);
			BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(issuer.certificate().getPublicKey(),
					this.digests.get(CertificateID.HASH_SHA1));
			Date thisUpdate = Date.from(now);
			Date nextUpdate = Date.from(now.plus(this.validity));
			for (Req entry : entries) {
				CertificateID id = entry.getCertID();
				Status status = matchesIssuer(id, issuerHolder) ? statusOf.apply(id.getSerialNumber()) : null;
				if (status == null) {
					builder.addResponse(id, new UnknownStatus(), thisUpdate, nextUpdate, null);
				}
				else if (status.revokedAt() != null) {
					builder.addResponse(id, new RevokedStatus(Date.from(status.revokedAt()), status.reason()),
							thisUpdate, nextUpdate, null);
				}
				else {
					builder.addResponse(id, CertificateStatus.GOOD, thisUpdate, nextUpdate, null);
				}
			}
			Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (nonce != null) {
				builder.setResponseExtensions(new Extensions(nonce));
			}
			BasicOCSPResp basic = builder.build(
					Pki.signer(issuer.signatureAlgorithm(), issuer.key(), issuer.provider()),
					new X509CertificateHolder[] { issuerHolder }, thisUpdate);
			return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
		}
		catch (OCSPException | IOException | java.security.cert.CertificateEncodingException
				| org.bouncycastle.operator.OperatorCreationException ex) {
			throw new IllegalStateException("OCSP response failed", ex);
		}
	}

	private X509CertificateHolder issuerHolder(CaHierarchy.Authority issuer)
			throws IOException, java.security.cert.CertificateEncodingException {
		X509CertificateHolder holder = this.issuerHolder;
		if (holder == null) {
			holder = new X509CertificateHolder(issuer.certificate().getEncoded());
			this.issuerHolder = holder;
		}
		return holder;
	}

	private boolean matchesIssuer(CertificateID id, X509CertificateHolder issuerHolder) {
		try {
			return id.matchesIssuer(issuerHolder, this.digests);
		}
		catch (OCSPException ex) {
			return false;
		}
	}

	/**
	 * A certificate's revocation status.
	 *
	 * @param revokedAt when it was revoked or suspended, or null when good
	 * @param reason the CRLReason code (6 = certificateHold for a suspension)
	 */
	public record Status(Instant revokedAt, int reason) {

		public static final Status GOOD = new Status(null, -1);

		public static final int HOLD = CRLReason.certificateHold;

	}

	/**
	 * Parses a response (tests and diagnosis).
	 * @param der the response
	 * @return the response
	 */
	public static OCSPResp parse(byte[] der) {
		try {
			return new OCSPResp(der);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	X509Certificate issuerCertificate() {
		return this.issuer.get().certificate();
	}

}
