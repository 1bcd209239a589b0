package org.govtrust.ca.web;

import java.util.List;
import java.util.UUID;

import org.govtrust.ca.CaError;
import org.govtrust.ca.CertificateService;
import org.govtrust.ca.CertificateView;
import org.govtrust.ca.EnterpriseService;
import org.govtrust.ca.EnterpriseView;
import org.govtrust.ca.config.CaProperties;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
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
 * The enterprise's own pages. The legal representative (a signed-in, real-name-verified
 * citizen) enrols the enterprise online, gets a certificate from a request made on the key,
 * and gets unlock codes; an enterprise signed in with its certificate sees its certificates.
 * Each certificate says what to do next: renew when due, install a new one, unlock a key.
 */
@Controller
class EnterprisePagesController {

	private final EnterpriseService enterprises;

	private final CertificateService certificates;

	private final ErrorMessages messages;

	private final CaProperties properties;

	EnterprisePagesController(EnterpriseService enterprises, CertificateService certificates, ErrorMessages messages,
			CaProperties properties) {
		this.enterprises = enterprises;
		this.certificates = certificates;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/enterprise")
	String index(@AuthenticationPrincipal SignedIn who, Model model) {
		if (who.kind() == SignedIn.Kind.ENTERPRISE) {
			return "redirect:/enterprise/" + who.id();
		}
		model.addAttribute("enterprises", this.enterprises.representedBy(who.id()));
		return "ca/enterprises";
	}

	@PostMapping("/enterprise/enrol")
	String enrol(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String creditCode,
			@RequestParam(defaultValue = "") String housingFundNumber,
			@RequestParam(defaultValue = "") String socialSecurityNumber, @AuthenticationPrincipal SignedIn who,
			Model model) {
		try {
			requireCitizen(who);
			EnterpriseView enterprise = this.enterprises.enrolOnline(who.id(), name, creditCode, housingFundNumber,
					socialSecurityNumber);
			return "redirect:/enterprise/" + enterprise.id();
		}
		catch (TrustException ex) {
			model.addAttribute("globalError", this.messages.summary(ex));
			model.addAttribute("name", name);
			model.addAttribute("creditCode", creditCode);
			return index(who, model);
		}
	}

	@GetMapping("/enterprise/{id}")
	String enterprise(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model) {
		requireAccess(who, id);
		List<CertificateView> list = this.certificates.certificates(id);
		model.addAttribute("enterprise", this.enterprises.get(id));
		model.addAttribute("certificates", list);
		model.addAttribute("history", this.certificates.history(id));
		model.addAttribute("legalRep", who.kind() == SignedIn.Kind.CITIZEN);
		model.addAttribute("renewalDays", this.properties.renewalWindowDays());
		return "ca/enterprise";
	}

	@PostMapping("/enterprise/{id}/certificates")
	String issue(@PathVariable UUID id, @RequestParam(defaultValue = "") String csr,
			@AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
		try {
			requireLegalRep(who, id);
			// online, the key cannot be proven to be a USB key: a soft-token certificate (LOA3)
			RaPagesController.issued(redirect, this.certificates.issue(id, csr, false, null, who.getName()));
		}
		catch (TrustException ex) {
			redirect.addFlashAttribute("globalError", this.messages.summary(ex));
		}
		return "redirect:/enterprise/" + id;
	}

	@PostMapping("/enterprise/{id}/certificates/{serial}/unlock-code")
	String unlockCode(@PathVariable UUID id, @PathVariable String serial,
			@RequestParam(defaultValue = "") String requestCode, @AuthenticationPrincipal SignedIn who,
			RedirectAttributes redirect) {
		try {
			requireLegalRep(who, id);
			requireOwn(id, serial);
			redirect.addFlashAttribute("unlockCode", this.certificates.unlockCode(serial, requestCode, who.getName()));
		}
		catch (TrustException ex) {
			redirect.addFlashAttribute("globalError", this.messages.summary(ex));
		}
		return "redirect:/enterprise/" + id;
	}

	@GetMapping("/enterprise/{id}/certificates/{serial}.pem")
	ResponseEntity<byte[]> pem(@PathVariable UUID id, @PathVariable String serial,
			@AuthenticationPrincipal SignedIn who) {
		requireAccess(who, id);
		requireOwn(id, serial);
		return RaPagesController.download(serial, this.certificates.pemWithChain(serial));
	}

	@GetMapping("/enterprise/assistant")
	String assistant(Model model) {
		model.addAttribute("assistant", this.properties.assistant());
		model.addAttribute("baseUrl", this.properties.baseUrl());
		return "ca/assistant";
	}

	private void requireOwn(UUID enterpriseId, String serial) {
		if (!this.certificates.get(serial).enterpriseId().equals(enterpriseId)) {
			throw new TrustException(CaError.CERTIFICATE_NOT_FOUND, serial);
		}
	}

	private void requireAccess(SignedIn who, UUID enterpriseId) {
		if (who.kind() == SignedIn.Kind.ENTERPRISE && who.id().equals(enterpriseId)) {
			return;
		}
		requireLegalRep(who, enterpriseId);
	}

	private void requireLegalRep(SignedIn who, UUID enterpriseId) {
		requireCitizen(who);
		this.enterprises.get(enterpriseId);
		if (!this.enterprises.isLegalRepresentative(who.id(), enterpriseId)) {
			throw new TrustException(CaError.NOT_LEGAL_REPRESENTATIVE);
		}
		this.enterprises.requireVerified(who.id());
	}

	private static void requireCitizen(SignedIn who) {
		if (who.kind() != SignedIn.Kind.CITIZEN) {
			throw new TrustException(CaError.NOT_LEGAL_REPRESENTATIVE);
		}
	}

}
