package org.govtrust.identity.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.identity.AccountView;
import org.govtrust.identity.CreateAccountCommand;
import org.govtrust.identity.IdentityError;
import org.govtrust.identity.NetworkIdentityRedirect;
import org.govtrust.identity.RegistrationService;
import org.govtrust.identity.RegistrationStatus;
import org.govtrust.identity.RegistrationView;
import org.govtrust.identity.config.IdentityProperties;
import org.govtrust.identity.domain.BrowserKeys;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.FieldProblem;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.time.DisplayTime;
import org.govtrust.sms.CodeSent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The registration wizard pages: elements and phone, SMS code, real-name verification (face
 * or CTID), password, done. Post/redirect/get; each failure is shown on the page where it
 * happened, with the catalogue text that says what to do next.
 */
@Controller
@RequestMapping("/register")
class RegistrationController {

	private final RegistrationService registrations;

	private final ErrorMessages messages;

	private final Duration ttl;

	RegistrationController(RegistrationService registrations, ErrorMessages messages, IdentityProperties properties) {
		this.registrations = registrations;
		this.messages = messages;
		this.ttl = properties.registrationTtl();
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", new RegistrationForm());
		return "identity/register";
	}

	@PostMapping
	String start(@ModelAttribute("form") RegistrationForm form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			String browserKey = BrowserKeys.newKey();
			RegistrationView view = this.registrations.start(form.toCommand(), request.getRemoteAddr(),
					BrowserKeys.hash(browserKey));
			RegistrationBrowserCheck.keep(browserKey, view.id(), this.ttl, request, response);
			return "redirect:/register/" + view.id() + "/phone";
		}
		catch (TrustException ex) {
			showError(model, ex);
			model.addAttribute("unusualValidity", hasCode(ex, IdentityError.VALIDITY_UNUSUAL));
			return "identity/register";
		}
	}

	@GetMapping("/{id}")
	String resume(@PathVariable UUID id) {
		RegistrationView view = this.registrations.get(id);
		switch (view.status()) {
			case PHONE_PENDING:
				return "redirect:/register/" + id + "/phone";
			case IDENTITY_PENDING:
				return "redirect:/register/" + id + "/identity";
			case ACCOUNT_PENDING:
				return "redirect:/register/" + id + "/account";
			default:
				return "redirect:/register/" + id + "/done";
		}
	}

	@GetMapping("/{id}/phone")
	String phone(@PathVariable UUID id, @RequestParam(required = false) @Nullable String resent, Model model) {
		model.addAttribute("resent", resent != null);
		return step(id, RegistrationStatus.PHONE_PENDING, "identity/phone", model);
	}

	@PostMapping("/{id}/phone")
	String verifyPhone(@PathVariable UUID id, @RequestParam(defaultValue = "") String code, Model model) {
		try {
			this.registrations.verifyPhone(id, code);
			return "redirect:/register/" + id + "/identity";
		}
		catch (TrustException ex) {
			showError(model, ex);
			model.addAttribute("registration", this.registrations.get(id));
			return "identity/phone";
		}
	}

	@PostMapping("/{id}/phone/resend")
	String resend(@PathVariable UUID id, HttpServletRequest request, Model model) {
		try {
			CodeSent sent = this.registrations.resendCode(id, request.getRemoteAddr());
			return "redirect:/register/" + id + "/phone?resent=" + sent.maskedPhone().length();
		}
		catch (TrustException ex) {
			showError(model, ex);
			model.addAttribute("registration", this.registrations.get(id));
			return "identity/phone";
		}
	}

	@GetMapping("/{id}/identity")
	String identity(@PathVariable UUID id, Model model) {
		return step(id, RegistrationStatus.IDENTITY_PENDING, "identity/verify", model);
	}

	@PostMapping("/{id}/identity/face")
	String verifyFace(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile faceImage,
			Model model) throws IOException {
		try {
			this.registrations.verifyFace(id, (faceImage == null) ? null : faceImage.getBytes());
			return "redirect:/register/" + id + "/account";
		}
		catch (TrustException ex) {
			showError(model, ex);
			model.addAttribute("registration", this.registrations.get(id));
			return "identity/verify";
		}
	}

	@PostMapping("/{id}/identity/ctid")
	String startCtid(@PathVariable UUID id) {
		URI returnUri = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/register/{id}/ctid/return")
			.buildAndExpand(id)
			.toUri();
		NetworkIdentityRedirect redirect = this.registrations.startNetworkIdentity(id, returnUri);
		return "redirect:" + redirect.authorizationUri();
	}

	@PostMapping("/{id}/identity/counter")
	String useCounter(@PathVariable UUID id, Model model) {
		try {
			this.registrations.useCounterVerification(id);
			return "redirect:/register/" + id + "/account";
		}
		catch (TrustException ex) {
			showError(model, ex);
			model.addAttribute("registration", this.registrations.get(id));
			return "identity/verify";
		}
	}

	/**
	 * Where the CTID provider sends the person back. The CTID app may open it in another
	 * browser than the one the registration was started in (on a phone, the system browser
	 * rather than the one inside a chat app): the outcome is then fetched and the person is
	 * asked to go back to that browser to set the password, which only it may do.
	 */
	@GetMapping("/{id}/ctid/return")
	String ctidReturn(@PathVariable UUID id, HttpServletRequest request, Model model) {
		boolean itsBrowser = this.registrations.isItsBrowser(id, RegistrationBrowserCheck.key(request));
		try {
			this.registrations.completeNetworkIdentity(id);
			return itsBrowser ? "redirect:/register/" + id + "/account" : "identity/elsewhere";
		}
		catch (TrustException ex) {
			if (!itsBrowser) {
				throw ex; // its own page: the form here would belong to another browser
			}
			showError(model, ex);
			model.addAttribute("registration", this.registrations.get(id));
			return "identity/verify";
		}
	}

	@GetMapping("/{id}/account")
	String account(@PathVariable UUID id, Model model) {
		return step(id, RegistrationStatus.ACCOUNT_PENDING, "identity/account", model);
	}

	@PostMapping("/{id}/account")
	String createAccount(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirmation,
			@RequestParam(defaultValue = "") String loginName, Model model) {
		try {
			this.registrations.createAccount(id, new CreateAccountCommand(password, passwordConfirmation, loginName));
			return "redirect:/register/" + id + "/done";
		}
		catch (TrustException ex) {
			showError(model, ex, "password", "passwordConfirmation", "loginName");
			model.addAttribute("loginName", loginName);
			model.addAttribute("registration", this.registrations.get(id));
			return "identity/account";
		}
	}

	@GetMapping("/{id}/done")
	String done(@PathVariable UUID id, Model model) {
		AccountView account = this.registrations.completedAccount(id);
		model.addAttribute("account", account);
		model.addAttribute("verifiedAt", account.verifiedAt() != null ? DisplayTime.format(account.verifiedAt()) : "");
		return "identity/done";
	}

	/**
	 * A step's page while the registration is at that step; otherwise (the back button, a
	 * bookmark) the step it is at, or the finished registration ({@link #resume}).
	 */
	private String step(UUID id, RegistrationStatus step, String view, Model model) {
		RegistrationView registration = this.registrations.get(id);
		if (registration.status() != step) {
			return "redirect:/register/" + id;
		}
		model.addAttribute("registration", registration);
		return view;
	}

	/**
	 * Puts the error on the page: next to its field, or above the form.
	 * @param fieldsOnPage the page's fields, when an error may name one it does not have (the
	 * ID number of an account found to exist when the password is set): that one goes above the
	 * form, not next to a field nobody sees; none given, every field is taken to be on the page
	 */
	private void showError(Model model, TrustException ex, String... fieldsOnPage) {
		boolean fieldOnPage = fieldsOnPage.length == 0 || Arrays.asList(fieldsOnPage).contains(ex.getField());
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		if (ex instanceof InvalidInputException invalid) {
			for (FieldProblem problem : invalid.getProblems()) {
				fieldErrors.putIfAbsent(problem.field(), text(problem.code().code(),
						this.messages.message(problem.code(), problem.arguments())));
			}
			model.addAttribute("globalError", text(ex.getErrorCode().code(), this.messages.message(ex)));
		}
		else if (ex.getField() != null && fieldOnPage) {
			fieldErrors.put(ex.getField(), text(ex.getErrorCode().code(), this.messages.message(ex)));
		}
		else {
			model.addAttribute("globalError", text(ex.getErrorCode().code(), this.messages.message(ex)));
		}
		model.addAttribute("errorCode", ex.getErrorCode().code());
		model.addAttribute("fieldErrors", fieldErrors);
	}

	private static boolean hasCode(TrustException ex, IdentityError code) {
		if (ex instanceof InvalidInputException invalid) {
			return invalid.getProblems().stream().anyMatch((problem) -> problem.code() == code);
		}
		return ex.getErrorCode() == code;
	}

	private static String text(String code, String message) {
		return message + " (" + code + ")";
	}

}
