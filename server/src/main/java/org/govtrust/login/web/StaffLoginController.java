package org.govtrust.login.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.govtrust.identity.StaffView;
import org.govtrust.login.LoginError;
import org.govtrust.login.LoginService;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Staff sign-in: password first, then the SMS code sent to the staff phone. Between the two
 * steps the session holds only the staff id and when the first step passed (5 minutes).
 */
@Controller
class StaffLoginController {

	static final String PENDING = "govtrust.staff.pending";

	static final String PENDING_AT = "govtrust.staff.pendingAt";

	private static final Duration SECOND_FACTOR_TIME = Duration.ofMinutes(5);

	private final LoginService logins;

	private final SignInSupport signIn;

	private final ErrorMessages messages;

	private final Clock clock;

	StaffLoginController(LoginService logins, SignInSupport signIn, ErrorMessages messages, Clock clock) {
		this.clock = clock;
		this.logins = logins;
		this.signIn = signIn;
		this.messages = messages;
	}

	@GetMapping("/staff/login")
	String page(Model model) {
		model.addAttribute("step", "password");
		return "login/staff";
	}

	@PostMapping("/staff/login")
	String password(@RequestParam(defaultValue = "") String loginName, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, Model model) {
		try {
			StaffView member = this.logins.staffPassword(loginName, password, SignInSupport.client(request));
			pending(request, member.id());
			model.addAttribute("step", "code");
			model.addAttribute("phone", member.phone());
			return "login/staff";
		}
		catch (TrustException ex) {
			model.addAttribute("step", "password");
			model.addAttribute("globalError", this.messages.message(ex) + " (" + ex.getErrorCode().code() + ")");
			return "login/staff";
		}
	}

	@PostMapping("/staff/login/code")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			SignedIn who = this.logins.staffCode(pendingStaff(request), code, SignInSupport.client(request));
			this.signIn.signIn(who, request, response);
			return "redirect:/staff";
		}
		catch (TrustException ex) {
			boolean expired = ex.getErrorCode() == LoginError.SECOND_FACTOR_EXPIRED;
			model.addAttribute("step", expired ? "password" : "code");
			model.addAttribute("globalError", this.messages.message(ex) + " (" + ex.getErrorCode().code() + ")");
			return "login/staff";
		}
	}

	@PostMapping("/api/v1/staff/login/password")
	@ResponseBody
	ResponseEntity<Map<String, String>> apiPassword(@RequestBody StaffPasswordRequest body, HttpServletRequest request) {
		StaffView member = this.logins.staffPassword(text(body.loginName()), text(body.password()),
				SignInSupport.client(request));
		pending(request, member.id());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("next", "code", "phone", member.phone()));
	}

	@PostMapping("/api/v1/staff/login/code")
	@ResponseBody
	SignedIn apiCode(@RequestBody StaffCodeRequest body, HttpServletRequest request, HttpServletResponse response) {
		SignedIn who = this.logins.staffCode(pendingStaff(request), text(body.code()), SignInSupport.client(request));
		this.signIn.signIn(who, request, response);
		return who;
	}

	private void pending(HttpServletRequest request, UUID staffId) {
		HttpSession session = request.getSession(true);
		session.setAttribute(PENDING, staffId.toString());
		session.setAttribute(PENDING_AT, this.clock.instant().toString());
	}

	private UUID pendingStaff(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object id = (session != null) ? session.getAttribute(PENDING) : null;
		Object at = (session != null) ? session.getAttribute(PENDING_AT) : null;
		if (id == null || at == null
				|| Instant.parse(at.toString()).plus(SECOND_FACTOR_TIME).isBefore(this.clock.instant())) {
			throw new TrustException(LoginError.SECOND_FACTOR_EXPIRED);
		}
		return UUID.fromString(id.toString());
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	record StaffPasswordRequest(@Nullable String loginName, @Nullable String password) {

		@Override
		public String toString() {
			return "StaffPasswordRequest[redacted]";
		}

	}

	record StaffCodeRequest(@Nullable String code) {

	}

}
