package org.govtrust.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.identity.AccountChangeService;
import org.govtrust.identity.PasswordResetService;
import org.govtrust.identity.domain.CardDates;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pages for changes to one's own account (re-verification after a name change or with a
 * new card; phone change) and for the forgotten password.
 */
@Controller
class AccountPagesController {

	private final AccountChangeService changes;

	private final PasswordResetService resets;

	private final ErrorMessages messages;

	AccountPagesController(AccountChangeService changes, PasswordResetService resets, ErrorMessages messages) {
		this.changes = changes;
		this.resets = resets;
		this.messages = messages;
	}

	@GetMapping("/account/reverify")
	String reverifyPage() {
		return "identity/reverify";
	}

	@PostMapping("/account/reverify")
	String reverify(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validTo,
			@RequestParam(defaultValue = "false") boolean longTerm,
			@RequestParam(required = false) @Nullable MultipartFile faceImage, Model model) throws IOException {
		try {
			this.changes.reverify(me.id(), name, CardDates.from(validFrom), CardDates.to(validTo, longTerm),
					faceImage == null ? null : faceImage.getBytes());
			return "redirect:/account";
		}
		catch (TrustException ex) {
			return failed("identity/reverify", ex, model);
		}
	}

	@GetMapping("/account/phone")
	String phonePage(Model model) {
		model.addAttribute("step", "prove");
		return "identity/phone-change";
	}

	@PostMapping("/account/phone/old-code")
	String oldCode(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
		model.addAttribute("step", "prove");
		try {
			this.changes.sendOldPhoneCode(me.id(), request.getRemoteAddr());
			model.addAttribute("oldCodeSent", true);
			return "identity/phone-change";
		}
		catch (TrustException ex) {
			return failed("identity/phone-change", ex, model);
		}
	}

	@PostMapping("/account/phone/old")
	String old(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String code, Model model) {
		try {
			this.changes.verifyOldPhone(me.id(), code);
			model.addAttribute("step", "new");
			return "identity/phone-change";
		}
		catch (TrustException ex) {
			model.addAttribute("step", "prove");
			model.addAttribute("oldCodeSent", true);
			return failed("identity/phone-change", ex, model);
		}
	}

	@PostMapping("/account/phone/face")
	String face(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) @Nullable MultipartFile faceImage,
			Model model) throws IOException {
		try {
			this.changes.verifyFaceForPhoneChange(me.id(), faceImage == null ? null : faceImage.getBytes());
			model.addAttribute("step", "new");
			return "identity/phone-change";
		}
		catch (TrustException ex) {
			model.addAttribute("step", "prove");
			return failed("identity/phone-change", ex, model);
		}
	}

	@PostMapping("/account/phone/new-code")
	String newCode(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String phone,
			HttpServletRequest request, Model model) {
		model.addAttribute("phone", phone);
		try {
			this.changes.sendNewPhoneCode(me.id(), phone, request.getRemoteAddr());
			model.addAttribute("step", "confirm");
			return "identity/phone-change";
		}
		catch (TrustException ex) {
			model.addAttribute("step", "new");
			return failed("identity/phone-change", ex, model);
		}
	}

	@PostMapping("/account/phone/confirm")
	String confirm(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String code, Model model) {
		try {
			this.changes.completePhoneChange(me.id(), phone, code);
			return "redirect:/account";
		}
		catch (TrustException ex) {
			model.addAttribute("phone", phone);
			model.addAttribute("step", "confirm");
			return failed("identity/phone-change", ex, model);
		}
	}

	@GetMapping("/password-reset")
	String resetPage(Model model) {
		model.addAttribute("step", "request");
		return "identity/password-reset";
	}

	@PostMapping("/password-reset")
	String requestReset(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validTo,
			@RequestParam(defaultValue = "false") boolean longTerm, HttpServletRequest request, Model model) {
		model.addAttribute("idNumber", idNumber);
		try {
			this.resets.requestCode(name, idNumber, validFrom.isBlank() ? null : CardDates.from(validFrom),
					longTerm || validTo.isBlank() ? null : CardDates.to(validTo, false), request.getRemoteAddr());
			model.addAttribute("step", "complete");
			return "identity/password-reset";
		}
		catch (TrustException ex) {
			model.addAttribute("step", "request");
			return failed("identity/password-reset", ex, model);
		}
	}

	@PostMapping("/password-reset/complete")
	String completeReset(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String password, Model model) {
		model.addAttribute("idNumber", idNumber);
		try {
			this.resets.complete(idNumber, code, password);
			model.addAttribute("step", "done");
			return "identity/password-reset";
		}
		catch (TrustException ex) {
			model.addAttribute("step", "complete");
			return failed("identity/password-reset", ex, model);
		}
	}

	private String failed(String view, TrustException ex, Model model) {
		model.addAttribute("globalError", this.messages.message(ex) + " (" + ex.getErrorCode().code() + ")");
		return view;
	}

}
