package org.govtrust.ca.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.ca.PkiPublication;
import org.govtrust.ca.persistence.CertificateStore.PublishedCrl;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * What certificates point to (RFC 5280 and RFC 6960 media types, no session, no CSRF): the
 * CRLs, the OCSP responder (POST, and GET with the base64 request in the path), and the CA
 * certificates.
 */
@RestController
class PkiPublicationController {

	private static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");

	private static final MediaType CERT = MediaType.parseMediaType("application/pkix-cert");

	private static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");

	/**
	 * Where OCSP requests over GET start (the firewall lets encoded slashes through below it:
	 * login.web.OcspAwareFirewall).
	 */
	private static final String OCSP_GET = "/ca/ocsp/";

	private final PkiPublication publication;

	PkiPublicationController(PkiPublication publication) {
		this.publication = publication;
	}

	@GetMapping("/ca/crl/issuing.crl")
	ResponseEntity<byte[]> crl() {
		return crl("FULL");
	}

	@GetMapping("/ca/crl/issuing-delta.crl")
	ResponseEntity<byte[]> deltaCrl() {
		return crl("DELTA");
	}

	@GetMapping("/ca/crl/root.crl")
	ResponseEntity<byte[]> rootCrl() {
		return crl("ROOT");
	}

	/**
	 * The CRL with its SHA-256 as the entity tag: a client that asks again with
	 * {@code If-None-Match} gets 304 until a new CRL is signed (Spring answers the condition),
	 * rather than the whole list again. No {@code Last-Modified}: to the second, it would let
	 * {@code If-Modified-Since} keep a CRL signed in the same second as a newer one.
	 */
	private ResponseEntity<byte[]> crl(String kind) {
		PublishedCrl crl = this.publication.crl(kind);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(CRL).cacheControl(CacheControl.noCache());
		if (crl.digest() != null) {
			response.eTag("\"" + crl.digest() + "\"");
		}
		return response.body(crl.der());
	}

	@GetMapping("/ca/certs/issuing.cer")
	ResponseEntity<byte[]> issuing() {
		return ResponseEntity.ok().contentType(CERT).body(this.publication.caCertificate(false));
	}

	@GetMapping("/ca/certs/root.cer")
	ResponseEntity<byte[]> root() {
		return ResponseEntity.ok().contentType(CERT).body(this.publication.caCertificate(true));
	}

	@PostMapping(path = "/ca/ocsp", consumes = "application/ocsp-request")
	ResponseEntity<byte[]> ocsp(@RequestBody byte[] request) {
		return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(this.publication.ocsp(request));
	}

	/**
	 * OCSP over GET: the path after {@code /ca/ocsp/} is the URL-encoded base64 of the request
	 * (RFC 6960 A.1). It is read from the raw path and only percent-decoded: a {@code +} is part
	 * of the base64 (form decoding would make it a space), and a client that sends its slashes
	 * unencoded still gets an answer. Anything that is not base64 gets a malformedRequest answer.
	 */
	@GetMapping("/ca/ocsp/**")
	ResponseEntity<byte[]> ocspGet(HttpServletRequest request) {
		String uri = request.getRequestURI();
		int start = request.getContextPath().length() + OCSP_GET.length();
		String path = (uri.length() > start) ? uri.substring(start) : ""; // "/ca/ocsp" matches too
		byte[] der;
		try {
			der = Base64.getDecoder().decode(UriUtils.decode(path, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			der = new byte[0];
		}
		return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(this.publication.ocsp(der));
	}

}
