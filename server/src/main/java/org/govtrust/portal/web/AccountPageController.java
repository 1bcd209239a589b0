package org.govtrust.portal.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.identity.AccountService;
import org.govtrust.login.LoginError;
import org.govtrust.login.LoginService;
import org.govtrust.login.SessionService;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.sso.ClientService;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's account page (账号管理): profile (masked), real-name level and how it was
 * reached, the business-registration switch with its validity, sign-in history, sessions
 * (devices) with a way to end them, the change history, and the government apps one can
 * go to (signing in to them needs no second login while this session lasts).
 */
@Controller
class AccountPageController {

	private final AccountService accounts;

	private final LoginService logins;

	private final SessionService sessions;

	private final ErrorMessages messages;

	private final ClientService apps;

	AccountPageController(AccountService accounts, LoginService logins, SessionService sessions,
			ErrorMessages messages, ClientService apps) {
		this.apps = apps;
		this.accounts = accounts;
		this.logins = logins;
		this.sessions = sessions;
		this.messages = messages;
	}

	@GetMapping("/account")
	String page(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
		model.addAttribute("details", this.accounts.details(me.id()));
		model.addAttribute("permission", this.accounts.businessRegistrationPermission(me.id()));
		model.addAttribute("logins", this.logins.history(me.id()));
		model.addAttribute("sessions", this.sessions.list(me.getName(), request.getRequestedSessionId()));
		model.addAttribute("apps", this.apps.all());
		return "portal/account";
	}

	@PostMapping("/account/business-registration")
	String businessRegistration(@AuthenticationPrincipal SignedIn me,
			@RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until,
			HttpServletRequest request, Model model) {
		try {
			this.accounts.setBusinessRegistration(me.id(), enabled, until);
			return "redirect:/account";
		}
		catch (TrustException ex) {
			model.addAttribute("globalError", this.messages.message(ex) + " (" + ex.getErrorCode().code() + ")");
			return page(me, request, model);
		}
	}

	@PostMapping("/account/sessions/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
		try {
			this.sessions.revoke(me.getName(), id);
		}
		catch (TrustException ex) {
			if (ex.getErrorCode() != LoginError.SESSION_NOT_FOUND) {
				throw ex;
			}
			// sent twice, or the session ended meanwhile: it has ended either way
		}
		return "redirect:/account?sessionEnded";
	}

}
