package org.govtrust.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.identity.AccountView;
import org.govtrust.identity.PasswordResetService;
import org.govtrust.identity.domain.CardDates;
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
 * Password reset by identity elements and an SMS code to the phone on record.
 */
@RestController
@Tag(name = "Password reset", description = "Forgotten password (找回密码)")
class PasswordResetApiController {

	private final PasswordResetService resets;

	PasswordResetApiController(PasswordResetService resets) {
		this.resets = resets;
	}

	@PostMapping("/api/v1/password-resets")
	@Operation(summary = "Send a reset code if the elements match an account (same answer either way)")
	ResponseEntity<Map<String, Object>> request(@RequestBody ResetRequest body, HttpServletRequest request) {
		boolean longTerm = Boolean.TRUE.equals(body.longTerm());
		CodeSent sent = this.resets.requestCode(WebRequests.text(body.name()), WebRequests.text(body.idNumber()),
				body.validFrom() == null || body.validFrom().isBlank() ? null : CardDates.from(body.validFrom()),
				longTerm || body.validTo() == null || body.validTo().isBlank() ? null
						: CardDates.to(body.validTo(), false),
				request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("nextSendAt", sent.nextSendAt(), "expiresAt", sent.expiresAt()));
	}

	@PostMapping("/api/v1/password-resets/completion")
	@Operation(summary = "Set the new password with the code; every session of the account ends")
	AccountView complete(@RequestBody CompleteRequest body) {
		return this.resets.complete(WebRequests.text(body.idNumber()), WebRequests.text(body.code()),
				WebRequests.text(body.password()));
	}

	record ResetRequest(@Nullable String name, @Nullable String idNumber, @Nullable String validFrom,
			@Nullable String validTo, @Nullable Boolean longTerm) {

	}

	record CompleteRequest(@Nullable String idNumber, @Nullable String code, @Nullable String password) {

		@Override
		public String toString() {
			return "CompleteRequest[redacted]";
		}

	}

}
