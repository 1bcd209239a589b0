package org.govtrust.identity.web;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.identity.FaceImages;
import org.govtrust.identity.AccountView;
import org.govtrust.identity.CreateAccountCommand;
import org.govtrust.identity.NetworkIdentityRedirect;
import org.govtrust.identity.RegistrationService;
import org.govtrust.identity.RegistrationView;
import org.govtrust.identity.StartRegistrationCommand;
import org.govtrust.sms.CodeSent;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Citizen registration as a JSON API: one resource per registration, one sub-resource per
 * step. Errors are RFC 9457 problem details with a catalogue {@code code}.
 */
@RestController
@RequestMapping("/api/v1/registrations")
@Tag(name = "Registration", description = "Citizen registration with real-name verification (公民实名注册)")
class RegistrationApiController {

	private final RegistrationService registrations;

	RegistrationApiController(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@PostMapping
	@Operation(summary = "Start a registration: four identity elements and phone; sends an SMS code")
	ResponseEntity<RegistrationView> start(@RequestBody StartRegistrationCommand command, HttpServletRequest request) {
		RegistrationView view = this.registrations.start(command, request.getRemoteAddr());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(view.id()).toUri();
		return ResponseEntity.created(location).body(view);
	}

	@GetMapping("/{id}")
	@Operation(summary = "The registration's state")
	RegistrationView get(@PathVariable UUID id) {
		return this.registrations.get(id);
	}

	@PostMapping("/{id}/sms-code")
	@Operation(summary = "Send another SMS code (1 a minute, 3 an hour, 5 a day per phone)")
	ResponseEntity<CodeSent> resend(@PathVariable UUID id, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.registrations.resendCode(id, request.getRemoteAddr()));
	}

	@PostMapping("/{id}/phone-verification")
	@Operation(summary = "Prove the phone with the SMS code")
	RegistrationView verifyPhone(@PathVariable UUID id, @RequestBody CodeRequest body) {
		return this.registrations.verifyPhone(id, body.code() == null ? "" : body.code());
	}

	@PostMapping("/{id}/face-verification")
	@Operation(summary = "Verify the four elements and a face image (base64 JPEG/PNG) with the identity authority")
	RegistrationView verifyFace(@PathVariable UUID id, @RequestBody FaceRequest body) {
		return this.registrations.verifyFace(id, FaceImages.decode(body.faceImage()));
	}

	@PostMapping("/{id}/counter-verification")
	@Operation(summary = "Use a counter clerk's in-person verification of this person as the real-name step")
	RegistrationView useCounterVerification(@PathVariable UUID id) {
		return this.registrations.useCounterVerification(id);
	}

	@PostMapping("/{id}/network-identity")
	@Operation(summary = "Start verification through network identity (CTID); send the person to authorizationUri")
	NetworkIdentityRedirect startNetworkIdentity(@PathVariable UUID id) {
		URI returnUri = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/register/{id}/ctid/return")
			.buildAndExpand(id)
			.toUri();
		return this.registrations.startNetworkIdentity(id, returnUri);
	}

	@PostMapping("/{id}/network-identity/completion")
	@Operation(summary = "Fetch the network-identity result once the person has answered in the app")
	RegistrationView completeNetworkIdentity(@PathVariable UUID id) {
		return this.registrations.completeNetworkIdentity(id);
	}

	@PostMapping("/{id}/account")
	@Operation(summary = "Set the password (and an optional login name); creates the verified account")
	ResponseEntity<AccountView> createAccount(@PathVariable UUID id, @RequestBody CreateAccountCommand command) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.registrations.createAccount(id, command));
	}

	@GetMapping("/{id}/account")
	@Operation(summary = "The account a completed registration created")
	AccountView account(@PathVariable UUID id) {
		return this.registrations.completedAccount(id);
	}

	record CodeRequest(@Nullable String code) {

	}

	record FaceRequest(@Nullable String faceImage) {

	}

}
