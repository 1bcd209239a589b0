package org.govtrust.ca.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.govtrust.ca.CaError;
import org.govtrust.ca.CertificateService;
import org.govtrust.ca.IssuedCertificate;
import org.govtrust.ca.config.CaProperties;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the key assistant asks the server: the current assistant version, and renewal with
 * proof of the current key.
 */
@RestController
@Tag(name = "Key assistant", description = "Calls of the key assistant (证书助手)")
class CaApiController {

	private final CertificateService certificates;

	private final CaProperties properties;

	CaApiController(CertificateService certificates, CaProperties properties) {
		this.certificates = certificates;
		this.properties = properties;
	}

	@GetMapping("/api/v1/ca/assistant")
	@Operation(summary = "The newest and the oldest supported key-assistant versions, and where to get it")
	Map<String, String> assistant() {
		return Map.of("latestVersion", this.properties.assistant().latestVersion(), "minimumVersion",
				this.properties.assistant().minimumVersion(), "download", this.properties.assistant().download());
	}

	@PostMapping("/api/v1/ca/renewals")
	@Operation(summary = "Renew a certificate within its renewal window; the request is signed by the current key")
	ResponseEntity<Map<String, String>> renew(@RequestBody RenewalRequest request) {
		byte[] current = decode(request.certificate(), "certificate", CaError.CERTIFICATE_NOT_FOUND);
		byte[] proof = decode(request.signature(), "signature", CaError.RENEWAL_PROOF);
		IssuedCertificate issued = this.certificates.renew(current, request.csr() == null ? "" : request.csr(), proof);
		Map<String, String> body = new LinkedHashMap<>();
		body.put("serial", issued.certificate().serial());
		body.put("certificate", issued.pem());
		body.put("chain", issued.chainPem());
		if (issued.encryption() != null) {
			// SM2 dual pair: the new encryption certificate and its key's envelope for the new signing key
			body.put("encryption", issued.encryption().installPem());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	private static byte[] decode(@Nullable String value, String field, CaError error) {
		try {
			return Base64.getMimeDecoder().decode(value == null ? "" : value);
		}
		catch (IllegalArgumentException ex) {
			throw (error == CaError.CERTIFICATE_NOT_FOUND) ? TrustException.forField(field, error, "?")
					: TrustException.forField(field, error);
		}
	}

	/**
	 * A renewal request from the key assistant.
	 *
	 * @param csr the request for the new key (PEM)
	 * @param certificate the current certificate (base64 DER)
	 * @param signature the current key's signature over the request's DER (base64)
	 * @param algorithm the signature algorithm (informational; the key decides)
	 */
	record RenewalRequest(@Nullable String csr, @Nullable String certificate, @Nullable String signature,
			@Nullable String algorithm) {

	}

}
