package org.govtrust.login.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.identity.AccountView;
import org.govtrust.identity.ActivationService;
import org.govtrust.identity.IdentityError;
import org.govtrust.login.LoginService;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The activation pages (seed 002 §九): ID number, the phone on record and its code, a new
 * password; when the phone is wrong or gone, a face check and a new phone, or the counter.
 * Ends signed in.
 */
@Controller
class ActivationController {

	private final ActivationService activations;

	private final LoginService logins;

	private final SignInSupport signIn;

	private final ErrorMessages messages;

	ActivationController(ActivationService activations, LoginService logins, SignInSupport signIn,
			ErrorMessages messages) {
		this.activations = activations;
		this.logins = logins;
		this.signIn = signIn;
		this.messages = messages;
	}

	@GetMapping("/activation")
	String page(Model model) {
		return step("id", "", model);
	}

	@PostMapping("/activation")
	String start(@RequestParam(defaultValue = "") String idNumber, Model model) {
		try {
			model.addAttribute("account", this.activations.start(idNumber));
			return step("phone", idNumber, model);
		}
		catch (TrustException ex) {
			return failed("id", idNumber, ex, model);
		}
	}

	@PostMapping("/activation/code")
	String code(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String phone,
			HttpServletRequest request, Model model) {
		try {
			this.activations.sendCode(idNumber, phone, request.getRemoteAddr());
			return step("complete", idNumber, model);
		}
		catch (TrustException ex) {
			model.addAttribute("phone", phone);
			model.addAttribute("phoneMismatch", ex.getErrorCode() == IdentityError.ACTIVATION_PHONE_MISMATCH);
			model.addAttribute("account", this.activations.start(idNumber));
			return failed("phone", idNumber, ex, model);
		}
	}

	@PostMapping("/activation/face")
	String face(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validTo,
			@RequestParam(defaultValue = "false") boolean longTerm,
			@RequestParam(required = false) @Nullable MultipartFile faceImage, Model model) throws IOException {
		try {
			this.activations.verifyFace(idNumber, name, validFrom, validTo, longTerm,
					faceImage == null ? null : faceImage.getBytes());
			return step("newPhone", idNumber, model);
		}
		catch (TrustException ex) {
			model.addAttribute("phoneMismatch", true);
			model.addAttribute("account", this.activations.start(idNumber));
			return failed("phone", idNumber, ex, model);
		}
	}

	@PostMapping("/activation/new-phone-code")
	String newPhoneCode(@RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String newPhone, HttpServletRequest request, Model model) {
		model.addAttribute("newPhone", newPhone);
		try {
			this.activations.sendCodeToNewPhone(idNumber, newPhone, request.getRemoteAddr());
			return step("complete", idNumber, model);
		}
		catch (TrustException ex) {
			return failed("newPhone", idNumber, ex, model);
		}
	}

	@PostMapping("/activation/complete")
	String complete(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String newPhone,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			AccountView account = this.activations.complete(idNumber, code, password,
					newPhone.isBlank() ? null : newPhone);
			this.signIn.signIn(this.logins.signInActivated(account, SignInSupport.client(request)), request, response);
			return "redirect:/account";
		}
		catch (TrustException ex) {
			model.addAttribute("newPhone", newPhone);
			return failed("complete", idNumber, ex, model);
		}
	}

	private String step(String step, String idNumber, Model model) {
		model.addAttribute("step", step);
		model.addAttribute("idNumber", idNumber);
		return "login/activation";
	}

	private String failed(String step, String idNumber, TrustException ex, Model model) {
		model.addAttribute("globalError", this.messages.message(ex) + " (" + ex.getErrorCode().code() + ")");
		return step(step, idNumber, model);
	}

}
