package org.govtrust.identity.web;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.identity.FaceImages;
import org.govtrust.identity.AccountChangeService;
import org.govtrust.identity.AccountDetails;
import org.govtrust.identity.AccountService;
import org.govtrust.identity.AccountView;
import org.govtrust.identity.BusinessRegistrationPermission;
import org.govtrust.identity.domain.CardDates;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.sms.CodeSent;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in citizen's own account: details, the business-registration switch, name and
 * card re-verification, phone change.
 */
@RestController
@Tag(name = "Account", description = "The signed-in citizen's account (账号管理)")
class AccountApiController {

	private final AccountService accounts;

	private final AccountChangeService changes;

	AccountApiController(AccountService accounts, AccountChangeService changes) {
		this.accounts = accounts;
		this.changes = changes;
	}

	@GetMapping("/api/v1/account")
	@Operation(summary = "My account: profile (masked), real-name level, card dates, switch, change history")
	AccountDetails details(@AuthenticationPrincipal SignedIn me) {
		return this.accounts.details(me.id());
	}

	@PutMapping("/api/v1/account/business-registration")
	@Operation(summary = "Set “may handle business registration” (是否办理工商登记注册) and its validity")
	BusinessRegistrationPermission businessRegistration(@AuthenticationPrincipal SignedIn me,
			@RequestBody BusinessRegistrationRequest body) {
		this.accounts.setBusinessRegistration(me.id(), Boolean.TRUE.equals(body.enabled()), body.until());
		return this.accounts.businessRegistrationPermission(me.id());
	}

	@GetMapping("/api/v1/account/business-registration-permission")
	@Operation(summary = "May I handle business registration now?")
	BusinessRegistrationPermission permission(@AuthenticationPrincipal SignedIn me) {
		return this.accounts.businessRegistrationPermission(me.id());
	}

	@PostMapping("/api/v1/account/reverification")
	@Operation(summary = "Re-verify with a new name or a replaced/second card (four elements + face)")
	AccountView reverify(@AuthenticationPrincipal SignedIn me, @RequestBody ReverificationRequest body) {
		return this.changes.reverify(me.id(), WebRequests.text(body.name()), CardDates.from(body.validFrom()),
				CardDates.to(body.validTo(), Boolean.TRUE.equals(body.longTerm())), FaceImages.decode(body.faceImage()));
	}

	@PostMapping("/api/v1/account/phone-change/old-phone-code")
	@Operation(summary = "Phone change: send a code to the phone on record")
	ResponseEntity<CodeSent> oldPhoneCode(@AuthenticationPrincipal SignedIn me, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.changes.sendOldPhoneCode(me.id(), request.getRemoteAddr()));
	}

	@PostMapping("/api/v1/account/phone-change/old-phone-verification")
	@Operation(summary = "Phone change: prove the old phone with its code")
	ResponseEntity<Void> oldPhone(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		this.changes.verifyOldPhone(me.id(), WebRequests.text(body.get("code")));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/account/phone-change/face-verification")
	@Operation(summary = "Phone change when the old phone is lost: re-prove identity by face")
	ResponseEntity<Void> face(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		this.changes.verifyFaceForPhoneChange(me.id(), FaceImages.decode(body.get("faceImage")));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/account/phone-change/new-phone-code")
	@Operation(summary = "Phone change: send a code to the new phone")
	ResponseEntity<CodeSent> newPhoneCode(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body,
			HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.changes.sendNewPhoneCode(me.id(), WebRequests.text(body.get("phone")), request.getRemoteAddr()));
	}

	@PostMapping("/api/v1/account/phone-change/completion")
	@Operation(summary = "Phone change: the new phone's code completes it")
	AccountView completePhoneChange(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		return this.changes.completePhoneChange(me.id(), WebRequests.text(body.get("phone")),
				WebRequests.text(body.get("code")));
	}

	record BusinessRegistrationRequest(@Nullable Boolean enabled, @Nullable LocalDate until) {

	}

	record ReverificationRequest(@Nullable String name, @Nullable String validFrom, @Nullable String validTo,
			@Nullable Boolean longTerm, @Nullable String faceImage) {

	}

}
