package org.govtrust.ca;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.govtrust.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OCSP over GET (RFC 6960 A.1) through a real Tomcat: the request's base64 in the path, with
 * its {@code +}, {@code /} and {@code =} URL-encoded as clients such as Windows send them, or
 * left as they are. The firewall and Tomcat let encoded slashes through on this path only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class OcspOverGetTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final SecureRandom random = new SecureRandom();

	@Test
	void answersARequestWhoseBase64HasPlusAndSlashEncodedOrNot() throws Exception {
		X509CertificateHolder issuer = new X509CertificateHolder(send("/ca/certs/issuing.cer").body());
		// encoded; as it is (a raw "//" is no path, so none there); encoded with a "//" (%2F%2F)
		for (String form : new String[] { "encoded", "raw", "encoded //" }) {
			BigInteger serial = new BigInteger(64, this.random);
			byte[] nonce = new byte[16];
			String base64;
			do { // a request whose base64 has a '+' and a '/'
				this.random.nextBytes(nonce);
				base64 = Base64.getEncoder().encodeToString(request(issuer, serial, nonce));
			}
			while (!base64.contains("+") || !base64.contains("/") || (base64.contains("//") != form.endsWith("//")));
			String path = form.startsWith("encoded") ? URLEncoder.encode(base64, StandardCharsets.UTF_8) : base64;

			HttpResponse<byte[]> answer = send("/ca/ocsp/" + path);

			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
			OCSPResp response = new OCSPResp(answer.body());
			assertThat(response.getStatus()).as(path).isEqualTo(OCSPResp.SUCCESSFUL);
			BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
			SingleResp single = basic.getResponses()[0];
			assertThat(single.getCertID().getSerialNumber()).isEqualTo(serial);
			assertThat(single.getCertStatus()).isInstanceOf(UnknownStatus.class);
			assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
				.isEqualTo(new DEROctetString(nonce).getOctets());
		}
	}

	@Test
	void withoutARequestTheAnswerIsMalformedRequest() throws Exception {
		for (String path : new String[] { "/ca/ocsp", "/ca/ocsp/" }) {
			HttpResponse<byte[]> answer = send(path);
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(new OCSPResp(answer.body()).getStatus()).as(path).isEqualTo(OCSPResp.MALFORMED_REQUEST);
		}
	}

	@Test
	void encodedSlashesAreStillRefusedEverywhereElse() throws Exception {
		assertThat(send("/ca/crl%2Fissuing.crl").statusCode()).isEqualTo(400);
		assertThat(send("/api/v1/login%2Fpassword").statusCode()).isEqualTo(400);
	}

	private static byte[] request(X509CertificateHolder issuer, BigInteger serial, byte[] nonce) throws Exception {
		CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
				issuer, serial);
		return new OCSPReqBuilder().addRequest(id)
			.setRequestExtensions(new Extensions(
					new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))))
			.build()
			.getEncoded();
	}

	private HttpResponse<byte[]> send(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

}
