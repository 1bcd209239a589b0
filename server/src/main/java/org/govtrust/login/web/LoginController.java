package org.govtrust.login.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.login.LoginError;
import org.govtrust.login.LoginService;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.sms.SmsError;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen login pages: password, or an SMS code, with any of the three identifiers.
 * Reached directly (without a government app asking) the login still works and leads to
 * the account page.
 */
@Controller
class LoginController {

	private final LoginService logins;

	private final SignInSupport signIn;

	private final ErrorMessages messages;

	LoginController(LoginService logins, SignInSupport signIn, ErrorMessages messages) {
		this.logins = logins;
		this.signIn = signIn;
		this.messages = messages;
	}

	@GetMapping("/login")
	String page(@RequestParam(required = false) @Nullable String next, Model model) {
		model.addAttribute("next", next == null ? "" : next);
		model.addAttribute("identifier", "");
		return "login/login";
	}

	@PostMapping("/login")
	@Nullable String password(@RequestParam(defaultValue = "") String identifier,
			@RequestParam(defaultValue = "") String password, @RequestParam(required = false) @Nullable String next,
			HttpServletRequest request, HttpServletResponse response, Model model) throws ServletException, IOException {
		try {
			SignedIn who = this.logins.passwordLogin(identifier, password, SignInSupport.client(request));
			this.signIn.signIn(who, request, response);
			return this.signIn.goOn(next, "/account", request, response);
		}
		catch (TrustException ex) {
			model.addAttribute("activationRequired", ex.getErrorCode() == LoginError.ACTIVATION_REQUIRED);
			return again("login/login", identifier, next, ex, model);
		}
	}

	@GetMapping("/login/sms")
	String smsPage(@RequestParam(required = false) @Nullable String next, Model model) {
		model.addAttribute("next", next == null ? "" : next);
		model.addAttribute("identifier", "");
		model.addAttribute("codeSent", false);
		return "login/sms";
	}

	@PostMapping("/login/sms/code")
	String smsCode(@RequestParam(defaultValue = "") String identifier,
			@RequestParam(required = false) @Nullable String next, HttpServletRequest request, Model model) {
		try {
			this.logins.requestSmsCode(identifier, SignInSupport.client(request));
			model.addAttribute("codeSent", true);
			model.addAttribute("identifier", identifier);
			model.addAttribute("next", next == null ? "" : next);
			return "login/sms";
		}
		catch (TrustException ex) {
			// asked again within the minute: the code sent then still works, so its field stays
			model.addAttribute("codeSent", ex.getErrorCode() == SmsError.LIMIT_MINUTE);
			return again("login/sms", identifier, next, ex, model);
		}
	}

	@PostMapping("/login/sms")
	@Nullable String sms(@RequestParam(defaultValue = "") String identifier, @RequestParam(defaultValue = "") String code,
			@RequestParam(required = false) @Nullable String next, HttpServletRequest request,
			HttpServletResponse response, Model model) throws ServletException, IOException {
		try {
			SignedIn who = this.logins.smsLogin(identifier, code, SignInSupport.client(request));
			this.signIn.signIn(who, request, response);
			return this.signIn.goOn(next, "/account", request, response);
		}
		catch (TrustException ex) {
			model.addAttribute("codeSent", true);
			return again("login/sms", identifier, next, ex, model);
		}
	}

	@PostMapping("/logout")
	String logout(HttpServletRequest request) {
		this.signIn.signOut(request);
		return "redirect:/?signedOut";
	}

	private String again(String view, String identifier, @Nullable String next, TrustException ex, Model model) {
		model.addAttribute("identifier", identifier);
		model.addAttribute("next", next == null ? "" : next);
		model.addAttribute("globalError", this.messages.message(ex) + " (" + ex.getErrorCode().code() + ")");
		return view;
	}

}
