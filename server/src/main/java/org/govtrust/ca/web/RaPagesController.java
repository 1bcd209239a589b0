package org.govtrust.ca.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.govtrust.ca.CaError;
import org.govtrust.ca.CertificateService;
import org.govtrust.ca.EnrolEnterpriseCommand;
import org.govtrust.ca.EnterpriseService;
import org.govtrust.ca.EnterpriseView;
import org.govtrust.ca.IssuedCertificate;
import org.govtrust.ca.RevocationReason;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The RA officer's pages: find and enrol enterprises; issue, renew, change, revoke, suspend,
 * resume, and make unlock codes; the history of every act.
 */
@Controller
class RaPagesController {

	private final EnterpriseService enterprises;

	private final CertificateService certificates;

	private final ErrorMessages messages;

	RaPagesController(EnterpriseService enterprises, CertificateService certificates, ErrorMessages messages) {
		this.enterprises = enterprises;
		this.certificates = certificates;
		this.messages = messages;
	}

	@GetMapping("/staff/ra")
	String index(@RequestParam(defaultValue = "") String query, Model model) {
		model.addAttribute("query", query);
		model.addAttribute("enterprises", this.enterprises.search(query));
		return "ca/ra";
	}

	@PostMapping("/staff/ra/enterprises")
	String enrol(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String creditCode,
			@RequestParam(defaultValue = "") String legalRepName, @RequestParam(defaultValue = "") String legalRepIdNumber,
			@RequestParam(defaultValue = "") String housingFundNumber,
			@RequestParam(defaultValue = "") String socialSecurityNumber, @AuthenticationPrincipal SignedIn officer,
			Model model) {
		try {
			EnterpriseView enterprise = this.enterprises.enrol(new EnrolEnterpriseCommand(name, creditCode, legalRepName,
					legalRepIdNumber, housingFundNumber, socialSecurityNumber), officer.getName());
			return "redirect:/staff/ra/enterprises/" + enterprise.id();
		}
		catch (TrustException ex) {
			model.addAttribute("globalError", this.messages.summary(ex));
			model.addAttribute("form", new EnrolEnterpriseCommand(name, creditCode, legalRepName, "", housingFundNumber,
					socialSecurityNumber));
			return index("", model);
		}
	}

	@GetMapping("/staff/ra/enterprises/{id}")
	String enterprise(@PathVariable UUID id, Model model) {
		model.addAttribute("enterprise", this.enterprises.get(id));
		model.addAttribute("certificates", this.certificates.certificates(id));
		model.addAttribute("history", this.certificates.history(id));
		model.addAttribute("reasons", RevocationReason.values());
		return "ca/ra-enterprise";
	}

	@PostMapping("/staff/ra/enterprises/{id}/certificates")
	String issue(@PathVariable UUID id, @RequestParam(defaultValue = "") String csr,
			@RequestParam(defaultValue = "false") boolean hardwareKey, @RequestParam(defaultValue = "") String holderName,
			@AuthenticationPrincipal SignedIn officer, RedirectAttributes redirect) {
		try {
			issued(redirect, this.certificates.issue(id, csr, hardwareKey, holderName, officer.getName()));
		}
		catch (TrustException ex) {
			redirect.addFlashAttribute("globalError", this.messages.summary(ex));
		}
		return "redirect:/staff/ra/enterprises/" + id;
	}

	@PostMapping("/staff/ra/certificates/{serial}/{act}")
	String act(@PathVariable String serial, @PathVariable String act, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String csr, @RequestParam(defaultValue = "") String requestCode,
			@RequestParam(defaultValue = "") String housingFundNumber,
			@RequestParam(defaultValue = "") String socialSecurityNumber, @AuthenticationPrincipal SignedIn officer,
			RedirectAttributes redirect) {
		UUID enterpriseId = this.certificates.get(serial).enterpriseId();
		String actor = officer.getName();
		try {
			switch (act) {
				case "revoke" -> {
					RevocationReason parsed = RevocationReason.parse(reason);
					if (parsed == null) {
						throw TrustException.forField("reason", CaError.REVOCATION_REASON);
					}
					this.certificates.revoke(serial, parsed, actor);
				}
				case "suspend" -> this.certificates.suspend(serial, actor);
				case "resume" -> this.certificates.resume(serial, actor);
				case "renew" -> issued(redirect, this.certificates.renew(serial, csr, actor));
				case "change" -> issued(redirect,
						this.certificates.change(serial, csr, housingFundNumber, socialSecurityNumber, actor));
				case "unlock-code" -> redirect.addFlashAttribute("unlockCode",
						this.certificates.unlockCode(serial, requestCode, actor));
				default -> throw new TrustException(CaError.CERTIFICATE_NOT_FOUND, serial);
			}
			redirect.addFlashAttribute("done", act);
		}
		catch (TrustException ex) {
			redirect.addFlashAttribute("globalError", this.messages.summary(ex));
		}
		return "redirect:/staff/ra/enterprises/" + enterpriseId;
	}

	@GetMapping("/staff/ra/certificates/{serial}.pem")
	ResponseEntity<byte[]> pem(@PathVariable String serial) {
		return download(serial, this.certificates.pemWithChain(serial));
	}

	/**
	 * Shows a new certificate after the redirect. Flash attributes live in the (database)
	 * session, so they are plain strings.
	 */
	static void issued(RedirectAttributes redirect, IssuedCertificate issued) {
		redirect.addFlashAttribute("issuedSerial", issued.certificate().serial());
		redirect.addFlashAttribute("issuedPem", issued.installPem());
	}

	static ResponseEntity<byte[]> download(String serial, String pem) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "application/x-pem-file")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(serial + ".pem").build().toString())
			.body(pem.getBytes(StandardCharsets.US_ASCII));
	}

}
