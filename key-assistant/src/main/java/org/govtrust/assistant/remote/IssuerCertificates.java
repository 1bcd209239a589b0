package org.govtrust.assistant.remote;

import java.io.ByteArrayInputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.crypto.Bc;
import org.govtrust.assistant.crypto.Certs;

/** Fetches a certificate's issuer from its AIA caIssuers URL (DER, PEM or PKCS#7) and checks it signed it. */
public final class IssuerCertificates {

	private IssuerCertificates() {
	}

	public static X509Certificate issuerOf(X509Certificate certificate) {
		List<String> urls = Certs.caIssuerUrls(certificate);
		if (urls.isEmpty()) {
			throw AssistantException.of(Problem.NO_CERTIFICATE,
					"证书没有颁发者地址（AIA caIssuers），无法取得 CA 证书。请联系 CA 确认证书是否完整。",
					"The certificate has no issuer address (AIA caIssuers), so the CA certificate cannot be fetched. "
							+ "Ask the CA whether the certificate is complete.");
		}
		AssistantException last = null;
		for (String url : urls) {
			try {
				Fetch.Response response = Fetch.get(url);
				if (response.status() != 200) {
					throw AssistantException.of(Problem.SERVER_ERROR,
							"CA 证书地址 " + url + " 返回 HTTP " + response.status() + "。请稍后重试或联系 CA。",
							"The CA certificate address " + url + " answered HTTP " + response.status()
									+ ". Retry later or contact the CA.");
				}
				for (X509Certificate candidate : parse(response.body())) {
					if (Certs.isSignedBy(certificate, candidate)) {
						return candidate;
					}
				}
				throw AssistantException.of(Problem.NO_CERTIFICATE,
						"从 " + url + " 取得的 CA 证书不是此证书的签发者（签名验证失败）。证书可能被篡改或不是该 CA 签发的，请联系 CA。",
						"The CA certificate from " + url + " did not sign this certificate (signature check failed). "
								+ "The certificate may be forged or from another CA: contact the CA.");
			}
			catch (AssistantException e) {
				last = e;
			}
		}
		throw last;
	}

	static List<X509Certificate> parse(byte[] bytes) {
		List<X509Certificate> result = new ArrayList<>();
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509", Bc.provider());
			for (Certificate certificate : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
				result.add((X509Certificate) certificate);
			}
		}
		catch (Exception e) {
			try {
				result.addAll(Certs.parseAll(bytes));
			}
			catch (AssistantException ignored) {
				throw new AssistantException(Problem.NO_CERTIFICATE, Msg.of("CA 证书地址返回的内容不是证书。请联系 CA。",
						"The CA certificate address did not return a certificate. Contact the CA."), e);
			}
		}
		return result;
	}
}
