package org.govtrust.login.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.ca.CaError;
import org.govtrust.ca.LoginChallenge;
import org.govtrust.login.CertificateSignIn;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * USB-key login for legal persons. The page's script finds the key assistant on this
 * computer (and says how to start it when it is not running), shows the keys and their PIN
 * tries, gets a challenge here, has the assistant sign it after the PIN, and posts the
 * signature back; every failure is shown with its catalogue text and remedy. No plugin.
 */
@Controller
@Tag(name = "Login", description = "Citizen and staff sign-in, sessions (登录与会话)")
class CertificateLoginController {

	/** The messages the page shows for what the key assistant reports. */
	private static final CaError[] ASSISTANT_ERRORS = { CaError.ASSISTANT_NOT_RUNNING, CaError.PIN_INCORRECT,
			CaError.PIN_LOCKED, CaError.TOKEN_ABSENT, CaError.NO_CERTIFICATE, CaError.ASSISTANT_REFUSED };

	private final CertificateSignIn certificates;

	private final SignInSupport signIn;

	private final ErrorMessages messages;

	private final String assistantUrl;

	CertificateLoginController(CertificateSignIn certificates, SignInSupport signIn, ErrorMessages messages,
			@Value("${govtrust.ca.assistant.url:http://127.0.0.1:18181}") String assistantUrl) {
		this.certificates = certificates;
		this.signIn = signIn;
		this.messages = messages;
		this.assistantUrl = assistantUrl;
	}

	@GetMapping("/login/certificate")
	String page(@RequestParam(required = false) @Nullable String next, Model model) {
		model.addAttribute("next", next == null ? "" : next);
		model.addAttribute("assistantUrl", this.assistantUrl);
		Map<String, String> texts = new LinkedHashMap<>();
		for (CaError error : ASSISTANT_ERRORS) {
			// {0} stays a placeholder the script fills in (tries left, the assistant's reason)
			texts.put(error.code(), this.messages.message(error, "{0}"));
		}
		model.addAttribute("assistantMessages", texts);
		return "login/certificate";
	}

	@PostMapping("/api/v1/login/certificate/challenges")
	@ResponseBody
	@Operation(summary = "A one-time challenge for the USB key to sign (2 minutes)")
	LoginChallenge challenge() {
		String origin = ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).build().toUriString();
		return this.certificates.challenge(origin);
	}

	@PostMapping("/api/v1/login/certificate")
	@ResponseBody
	@Operation(summary = "Sign in as a legal person with the key's signature over the challenge")
	Map<String, String> login(@RequestBody CertificateAnswer answer, HttpServletRequest request,
			HttpServletResponse response) {
		UUID challengeId;
		try {
			challengeId = UUID.fromString(answer.challengeId() == null ? "" : answer.challengeId());
		}
		catch (IllegalArgumentException ex) {
			throw new TrustException(CaError.CHALLENGE_EXPIRED);
		}
		byte[] certificate;
		byte[] signature;
		try {
			certificate = Base64.getDecoder().decode(answer.certificate() == null ? "" : answer.certificate());
			signature = Base64.getDecoder().decode(answer.signature() == null ? "" : answer.signature());
		}
		catch (IllegalArgumentException ex) {
			// what came back is not a certificate and signature: the same advice as a bad signature
			throw new TrustException(CaError.LOGIN_SIGNATURE);
		}
		SignedIn who = this.certificates.signIn(challengeId, certificate, signature, SignInSupport.client(request));
		this.signIn.signIn(who, request, response);
		return Map.of("redirect", SignInSupport.safeNext(answer.next(), "/enterprise"));
	}

	/**
	 * The key's answer.
	 *
	 * @param challengeId the challenge
	 * @param certificate the signing certificate (base64 DER)
	 * @param signature the signature over the challenge text (base64)
	 * @param next where to go after signing in
	 */
	record CertificateAnswer(@Nullable String challengeId, @Nullable String certificate, @Nullable String signature,
			@Nullable String next) {

	}

}
