package org.govtrust.login.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.login.LoginRecord;
import org.govtrust.login.LoginService;
import org.govtrust.login.SessionService;
import org.govtrust.login.SessionView;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.sms.CodeSent;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Sign-in as a JSON API (session cookie), the owner's login history and sessions.
 */
@RestController
@Tag(name = "Login", description = "Citizen and staff sign-in, sessions (登录与会话)")
class LoginApiController {

	private final LoginService logins;

	private final SessionService sessions;

	private final SignInSupport signIn;

	LoginApiController(LoginService logins, SessionService sessions, SignInSupport signIn) {
		this.logins = logins;
		this.sessions = sessions;
		this.signIn = signIn;
	}

	@PostMapping("/api/v1/login/password")
	@Operation(summary = "Sign in with an ID number, phone number or login name and the password")
	SignedIn password(@RequestBody PasswordRequest body, HttpServletRequest request, HttpServletResponse response) {
		SignedIn who = this.logins.passwordLogin(text(body.identifier()), text(body.password()),
				SignInSupport.client(request));
		this.signIn.signIn(who, request, response);
		return who;
	}

	@PostMapping("/api/v1/login/sms-code")
	@Operation(summary = "Send an SMS login code to the phone on record (same answer whether or not the account exists)")
	ResponseEntity<Map<String, Instant>> smsCode(@RequestBody SmsCodeRequest body, HttpServletRequest request) {
		CodeSent sent = this.logins.requestSmsCode(text(body.identifier()), SignInSupport.client(request));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("nextSendAt", sent.nextSendAt(), "expiresAt", sent.expiresAt()));
	}

	@PostMapping("/api/v1/login/sms")
	@Operation(summary = "Sign in with the SMS code")
	SignedIn sms(@RequestBody SmsLoginRequest body, HttpServletRequest request, HttpServletResponse response) {
		SignedIn who = this.logins.smsLogin(text(body.identifier()), text(body.code()), SignInSupport.client(request));
		this.signIn.signIn(who, request, response);
		return who;
	}

	@PostMapping("/api/v1/logout")
	@Operation(summary = "Sign out of this session")
	ResponseEntity<Void> logout(HttpServletRequest request) {
		this.signIn.signOut(request);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/account/logins")
	@Operation(summary = "My recent sign-ins and failed attempts")
	List<LoginRecord> history(@AuthenticationPrincipal SignedIn me) {
		return this.logins.history(me.id());
	}

	@GetMapping("/api/v1/account/sessions")
	@Operation(summary = "My signed-in sessions (devices)")
	List<SessionView> sessions(@AuthenticationPrincipal SignedIn me, HttpServletRequest request) {
		return this.sessions.list(me.getName(), request.getRequestedSessionId());
	}

	@DeleteMapping("/api/v1/account/sessions/{id}")
	@Operation(summary = "End one of my sessions")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
		this.sessions.revoke(me.getName(), id);
		return ResponseEntity.noContent().build();
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	record PasswordRequest(@Nullable String identifier, @Nullable String password) {

		@Override
		public String toString() {
			return "PasswordRequest[redacted]";
		}

	}

	record SmsCodeRequest(@Nullable String identifier) {

	}

	record SmsLoginRequest(@Nullable String identifier, @Nullable String code) {

	}

}
