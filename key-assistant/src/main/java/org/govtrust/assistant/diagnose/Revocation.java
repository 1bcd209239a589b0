package org.govtrust.assistant.diagnose;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.govtrust.assistant.crypto.Bc;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.remote.Fetch;

/** Revocation checks: OCSP (RFC 6960, with a nonce) and the CRL, both verified against the issuing CA. */
public final class Revocation {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Revocation() {
	}

	public enum State {
		/** Checked: not revoked. */
		GOOD,
		/** Checked: revoked. */
		REVOKED,
		/** The OCSP responder does not know the certificate. */
		UNKNOWN,
		/** Could not be checked (unreachable, bad signature, out of date ...). */
		UNCHECKED
	}

	/** A revocation answer; {@code reason} is "中文 english" for revoked certificates. */
	public record Result(State state, Instant revokedAt, String reason, String problemZh, String problemEn, boolean stale) {

		static Result unchecked(String zh, String en) {
			return new Result(State.UNCHECKED, null, null, zh, en, false);
		}
	}

	public static Result ocsp(X509Certificate certificate, X509Certificate issuer, String url, Instant now) {
		try {
			CertificateID id = new CertificateID(
					new JcaDigestCalculatorProviderBuilder().setProvider(Bc.provider()).build().get(CertificateID.HASH_SHA1),
					new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
			byte[] nonce = new byte[16];
			RANDOM.nextBytes(nonce);
			Extension nonceExtension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
					new DEROctetString(new DEROctetString(nonce).getEncoded()));
			OCSPReq request = new OCSPReqBuilder().addRequest(id)
				.setRequestExtensions(new Extensions(nonceExtension))
				.build();
			Fetch.Response response = Fetch.post(url, "application/ocsp-request", request.getEncoded());
			if (response.status() != 200) {
				return Result.unchecked("OCSP 服务 " + url + " 返回 HTTP " + response.status(),
						"OCSP responder " + url + " answered HTTP " + response.status());
			}
			OCSPResp ocsp = new OCSPResp(response.body());
			if (ocsp.getStatus() != OCSPResp.SUCCESSFUL) {
				return Result.unchecked("OCSP 服务返回错误状态 " + ocsp.getStatus(),
						"The OCSP responder answered with error status " + ocsp.getStatus());
			}
			BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
			if (!signedByIssuerOrDelegate(basic, issuer)) {
				return Result.unchecked("OCSP 应答的签名无法用签发 CA 验证，已忽略此应答",
						"The OCSP answer's signature does not verify against the issuing CA; it was ignored");
			}
			Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (echoed != null && !echoed.getExtnValue().equals(nonceExtension.getExtnValue())) {
				return Result.unchecked("OCSP 应答的随机数（nonce）与请求不符（可能是重放的旧应答），已忽略",
						"The OCSP answer's nonce does not match the request (possibly a replayed answer); it was ignored");
			}
			for (SingleResp single : basic.getResponses()) {
				if (!single.getCertID().equals(id)) {
					continue;
				}
				boolean stale = single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(now);
				CertificateStatus status = single.getCertStatus();
				if (status == CertificateStatus.GOOD) {
					return new Result(State.GOOD, null, null, null, null, stale);
				}
				if (status instanceof RevokedStatus revoked) {
					String reason = revoked.hasRevocationReason() ? reason(revoked.getRevocationReason()) : null;
					return new Result(State.REVOKED, revoked.getRevocationTime().toInstant(), reason, null, null, stale);
				}
				return new Result(State.UNKNOWN, null, null, null, null, stale);
			}
			return Result.unchecked("OCSP 应答中没有此证书的状态", "The OCSP answer holds no status for this certificate");
		}
		catch (org.govtrust.assistant.AssistantException e) {
			return Result.unchecked("无法连接 OCSP 服务 " + url, "Cannot reach the OCSP responder " + url);
		}
		catch (Exception e) {
			return Result.unchecked("OCSP 应答无法解析（" + e.getMessage() + "）",
					"The OCSP answer cannot be read (" + e.getMessage() + ")");
		}
	}

	private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer) throws Exception {
		JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder().setProvider(Bc.provider());
		if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
			return true;
		}
		X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
		for (X509CertificateHolder responder : basic.getCerts()) {
			boolean delegated = responder.getIssuer().equals(issuerHolder.getSubject())
					&& responder.isSignatureValid(verifiers.build(issuer.getPublicKey()))
					&& responder.hasExtensions()
					&& org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions()) != null
					&& org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
						.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
			if (delegated && basic.isSignatureValid(verifiers.build(responder))) {
				return true;
			}
		}
		return false;
	}

	public static Result crl(X509Certificate certificate, X509Certificate issuer, String url, Instant now) {
		try {
			Fetch.Response response = Fetch.get(url);
			if (response.status() != 200) {
				return Result.unchecked("CRL 地址 " + url + " 返回 HTTP " + response.status(),
						"The CRL address " + url + " answered HTTP " + response.status());
			}
			X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", Bc.provider())
				.generateCRL(new ByteArrayInputStream(response.body()));
			X509CRLHolder holder = new X509CRLHolder(crl.getEncoded());
			if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !holder.isSignatureValid(
					new JcaContentVerifierProviderBuilder().setProvider(Bc.provider()).build(issuer.getPublicKey()))) {
				return Result.unchecked("CRL 不是由签发 CA 签名的，已忽略", "The CRL is not signed by the issuing CA; it was ignored");
			}
			Date next = crl.getNextUpdate();
			boolean stale = next == null || next.toInstant().isBefore(now);
			X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
			if (entry != null) {
				byte[] reasonCode = entry.getExtensionValue(Extension.reasonCode.getId());
				String reason = reasonCode == null ? null
						: reason(org.bouncycastle.asn1.ASN1Enumerated
							.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(reasonCode).getOctets())
							.intValueExact());
				return new Result(State.REVOKED, entry.getRevocationDate().toInstant(), reason, null, null, stale);
			}
			return new Result(State.GOOD, null, null, null, null, stale);
		}
		catch (org.govtrust.assistant.AssistantException e) {
			return Result.unchecked("无法下载 CRL：" + url, "Cannot download the CRL: " + url);
		}
		catch (Exception e) {
			return Result.unchecked("CRL 无法解析（" + e.getMessage() + "）", "The CRL cannot be read (" + e.getMessage() + ")");
		}
	}

	/** RFC 5280 CRLReason, in Chinese and English. */
	static String reason(int code) {
		return switch (code) {
			case 0 -> "未指定 unspecified";
			case 1 -> "密钥泄露 keyCompromise";
			case 2 -> "CA 密钥泄露 cACompromise";
			case 3 -> "单位信息变更 affiliationChanged";
			case 4 -> "已被新证书替代 superseded";
			case 5 -> "停止使用 cessationOfOperation";
			case 6 -> "证书冻结 certificateHold";
			case 8 -> "移出 CRL removeFromCRL";
			case 9 -> "权限撤销 privilegeWithdrawn";
			case 10 -> "属性机构泄露 aACompromise";
			default -> "代码 code " + code;
		};
	}

	static String serial(X509Certificate certificate) {
		return Certs.serialHex(certificate);
	}
}
