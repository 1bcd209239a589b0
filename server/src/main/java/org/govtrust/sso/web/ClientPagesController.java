package org.govtrust.sso.web;

import java.util.Arrays;
import java.util.List;

import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.ClientView;
import org.govtrust.sso.RegisterClientCommand;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's page for government apps: the registered ones, and a form to add
 * one (the secret of a confidential app is shown once, right after).
 */
@Controller
class ClientPagesController {

	private final ClientService clients;

	private final ErrorMessages messages;

	ClientPagesController(ClientService clients, ErrorMessages messages) {
		this.clients = clients;
		this.messages = messages;
	}

	@GetMapping("/staff/admin/clients")
	String page(Model model) {
		model.addAttribute("clients", this.clients.all());
		return "staff/clients";
	}

	@PostMapping("/staff/admin/clients")
	String register(@RequestParam(defaultValue = "") String clientId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String redirectUris,
			@RequestParam(defaultValue = "") String postLogoutRedirectUris,
			@RequestParam(defaultValue = "openid") List<String> scopes,
			@RequestParam(defaultValue = "false") boolean confidential,
			@RequestParam(defaultValue = "false") boolean requireConsent,
			@RequestParam(defaultValue = "loa1") String requiredLevel,
			@RequestParam(defaultValue = "false") boolean pairwiseSubject,
			@RequestParam(defaultValue = "false") boolean fullIdNumber, Model model) {
		try {
			ClientView created = this.clients.register(new RegisterClientCommand(clientId, name, department, null,
					lines(redirectUris), lines(postLogoutRedirectUris), scopes, confidential, requireConsent,
					requiredLevel, pairwiseSubject, fullIdNumber, null));
			model.addAttribute("created", created);
		}
		catch (TrustException ex) {
			model.addAttribute("globalError", this.messages.summary(ex));
		}
		return page(model);
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("[\\s,]+")).filter((line) -> !line.isBlank()).toList();
	}

}
