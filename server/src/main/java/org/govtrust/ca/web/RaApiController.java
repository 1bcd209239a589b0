package org.govtrust.ca.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.govtrust.ca.CaError;
import org.govtrust.ca.CertificateService;
import org.govtrust.ca.CertificateView;
import org.govtrust.ca.EnrolEnterpriseCommand;
import org.govtrust.ca.EnterpriseService;
import org.govtrust.ca.EnterpriseView;
import org.govtrust.ca.HistoryEntry;
import org.govtrust.ca.IssuedCertificate;
import org.govtrust.ca.RevocationReason;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RA officer's API: enrol enterprises, issue from a CSR, renew, change, revoke, suspend,
 * resume, and unlock codes; every act names the officer.
 */
@RestController
@Tag(name = "RA", description = "Registration authority: enterprises and their certificates (RA 受理)")
class RaApiController {

	private final EnterpriseService enterprises;

	private final CertificateService certificates;

	RaApiController(EnterpriseService enterprises, CertificateService certificates) {
		this.enterprises = enterprises;
		this.certificates = certificates;
	}

	@PostMapping("/api/v1/staff/ra/enterprises")
	@Operation(summary = "Enrol an enterprise (the officer has seen the licence and the legal representative)")
	ResponseEntity<EnterpriseView> enrol(@RequestBody EnrolEnterpriseCommand command,
			@AuthenticationPrincipal SignedIn officer) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.enterprises.enrol(command, officer.getName()));
	}

	@GetMapping("/api/v1/staff/ra/enterprises")
	@Operation(summary = "Find enterprises by part of the name or the credit code")
	List<EnterpriseView> search(@RequestParam(defaultValue = "") String query) {
		return this.enterprises.search(query);
	}

	@GetMapping("/api/v1/staff/ra/enterprises/{id}")
	@Operation(summary = "An enterprise with its certificates and their history")
	Map<String, Object> enterprise(@PathVariable UUID id) {
		EnterpriseView enterprise = this.enterprises.get(id);
		List<CertificateView> list = this.certificates.certificates(id);
		List<HistoryEntry> history = this.certificates.history(id);
		return Map.of("enterprise", enterprise, "certificates", list, "history", history);
	}

	@PostMapping("/api/v1/staff/ra/enterprises/{id}/certificates")
	@Operation(summary = "Issue a signing certificate from a PKCS#10 request made on the key")
	ResponseEntity<IssuedCertificate> issue(@PathVariable UUID id, @RequestBody IssueRequest request,
			@AuthenticationPrincipal SignedIn officer) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.certificates.issue(id, text(request.csr()), Boolean.TRUE.equals(request.hardwareKey()),
					request.holderName(), officer.getName()));
	}

	@GetMapping("/api/v1/staff/ra/certificates/{serial}")
	CertificateView certificate(@PathVariable String serial) {
		return this.certificates.get(serial);
	}

	@GetMapping(path = "/api/v1/staff/ra/certificates/{serial}/pem", produces = "application/x-pem-file")
	String pem(@PathVariable String serial) {
		return this.certificates.pemWithChain(serial);
	}

	@PostMapping("/api/v1/staff/ra/certificates/{serial}/revocation")
	@Operation(summary = "Revoke with an RFC 5280 reason; the CRL is re-signed at once")
	CertificateView revoke(@PathVariable String serial, @RequestBody Map<String, String> body,
			@AuthenticationPrincipal SignedIn officer) {
		RevocationReason reason = RevocationReason.parse(body.get("reason"));
		if (reason == null) {
			throw TrustException.forField("reason", CaError.REVOCATION_REASON);
		}
		return this.certificates.revoke(serial, reason, officer.getName());
	}

	@PostMapping("/api/v1/staff/ra/certificates/{serial}/suspension")
	CertificateView suspend(@PathVariable String serial, @AuthenticationPrincipal SignedIn officer) {
		return this.certificates.suspend(serial, officer.getName());
	}

	@PostMapping("/api/v1/staff/ra/certificates/{serial}/resumption")
	CertificateView resume(@PathVariable String serial, @AuthenticationPrincipal SignedIn officer) {
		return this.certificates.resume(serial, officer.getName());
	}

	@PostMapping("/api/v1/staff/ra/certificates/{serial}/renewal")
	@Operation(summary = "Renew (from 30 days before expiry) with a request for a new key")
	ResponseEntity<IssuedCertificate> renew(@PathVariable String serial, @RequestBody IssueRequest request,
			@AuthenticationPrincipal SignedIn officer) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.certificates.renew(serial, text(request.csr()), officer.getName()));
	}

	@PostMapping("/api/v1/staff/ra/certificates/{serial}/change")
	@Operation(summary = "Change the housing-fund or social-security number: a new certificate, the old superseded")
	ResponseEntity<IssuedCertificate> change(@PathVariable String serial, @RequestBody ChangeRequest request,
			@AuthenticationPrincipal SignedIn officer) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.certificates.change(serial, text(request.csr()), request.housingFundNumber(),
					request.socialSecurityNumber(), officer.getName()));
	}

	@PostMapping(path = "/api/v1/staff/ra/certificates/{serial}/unlock-code", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "An online unlock code for the key assistant's unlock request")
	Map<String, String> unlockCode(@PathVariable String serial, @RequestBody Map<String, String> body,
			@AuthenticationPrincipal SignedIn officer) {
		return Map.of("unlockCode", this.certificates.unlockCode(serial, body.get("requestCode"), officer.getName()));
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	/**
	 * A certificate request.
	 *
	 * @param csr PKCS#10 PEM made on the key
	 * @param hardwareKey whether the key is a USB key
	 * @param holderName who holds it (the legal representative when empty)
	 */
	record IssueRequest(@Nullable String csr, @Nullable Boolean hardwareKey, @Nullable String holderName) {

	}

	/**
	 * A change request.
	 *
	 * @param csr PKCS#10 PEM for the new key
	 * @param housingFundNumber the number to carry, or empty
	 * @param socialSecurityNumber the number to carry, or empty
	 */
	record ChangeRequest(@Nullable String csr, @Nullable String housingFundNumber,
			@Nullable String socialSecurityNumber) {

	}

}
