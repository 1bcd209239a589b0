package org.govtrust.login.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.identity.AccountView;
import org.govtrust.identity.ActivationService;
import org.govtrust.identity.FaceImages;
import org.govtrust.login.LoginService;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.sms.CodeSent;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Activation of migrated accounts as a JSON API; the last step signs the person in.
 */
@RestController
@Tag(name = "Activation", description = "Activating accounts synced from the previous system (账号激活)")
class ActivationApiController {

	private final ActivationService activations;

	private final LoginService logins;

	private final SignInSupport signIn;

	ActivationApiController(ActivationService activations, LoginService logins, SignInSupport signIn) {
		this.activations = activations;
		this.logins = logins;
		this.signIn = signIn;
	}

	@PostMapping("/api/v1/activations")
	@Operation(summary = "Step 1: is an account waiting for activation under this ID number?")
	AccountView start(@RequestBody Map<String, String> body) {
		return this.activations.start(text(body.get("idNumber")));
	}

	@PostMapping("/api/v1/activations/sms-code")
	@Operation(summary = "Step 2: a code to the phone on record (which the person types)")
	ResponseEntity<CodeSent> code(@RequestBody Map<String, String> body, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.activations.sendCode(text(body.get("idNumber")), text(body.get("phone")), request.getRemoteAddr()));
	}

	@PostMapping("/api/v1/activations/face-verification")
	@Operation(summary = "Phone on record wrong or gone: re-prove identity by face (four elements + face)")
	ResponseEntity<Void> face(@RequestBody FaceRequest body) {
		this.activations.verifyFace(text(body.idNumber()), text(body.name()), body.validFrom(), body.validTo(),
				Boolean.TRUE.equals(body.longTerm()), FaceImages.decode(body.faceImage()));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/activations/new-phone-code")
	@Operation(summary = "After the face check: a code to the new phone")
	ResponseEntity<CodeSent> newPhoneCode(@RequestBody Map<String, String> body, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.activations.sendCodeToNewPhone(text(body.get("idNumber")), text(body.get("phone")),
					request.getRemoteAddr()));
	}

	@PostMapping("/api/v1/activations/completion")
	@Operation(summary = "Step 3: code and new password activate the account and sign the person in")
	SignedIn complete(@RequestBody CompleteRequest body, HttpServletRequest request, HttpServletResponse response) {
		AccountView account = this.activations.complete(text(body.idNumber()), text(body.code()), text(body.password()),
				body.newPhone());
		SignedIn who = this.logins.signInActivated(account, SignInSupport.client(request));
		this.signIn.signIn(who, request, response);
		return who;
	}


	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	record FaceRequest(@Nullable String idNumber, @Nullable String name, @Nullable String validFrom,
			@Nullable String validTo, @Nullable Boolean longTerm, @Nullable String faceImage) {

	}

	record CompleteRequest(@Nullable String idNumber, @Nullable String code, @Nullable String password,
			@Nullable String newPhone) {

		@Override
		public String toString() {
			return "CompleteRequest[redacted]";
		}

	}

}
