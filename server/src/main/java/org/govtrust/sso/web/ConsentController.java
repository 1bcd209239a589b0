package org.govtrust.sso.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.sso.ConsentRequest;
import org.govtrust.sso.ConsentService;
import org.govtrust.sso.SsoError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The consent page of apps registered to ask first. The authorization endpoint sends the
 * signed-in person here with {@code client_id}, {@code scope} and {@code state}; the page
 * shows the app, the person, each scope in plain words ({@code openid} always, scopes
 * granted earlier as granted, not asked again) and whether the ID number is given in full
 * or masked. Its forms post back to {@code /oauth2/authorize}: Allow with {@code client_id},
 * {@code state} and one {@code scope} per ticked scope, Cancel with no scope, which the
 * app hears as {@code access_denied}. A request that is not (or no longer) waiting for
 * this person shows the error page; without a session the person signs in first.
 */
@Controller
class ConsentController {

	static final String PATH = "/oauth2/consent";

	private final ConsentService consents;

	ConsentController(ConsentService consents) {
		this.consents = consents;
	}

	@GetMapping(PATH)
	String consent(@RequestParam(name = OAuth2ParameterNames.CLIENT_ID, required = false) @Nullable String clientId,
			@RequestParam(name = OAuth2ParameterNames.SCOPE, required = false) @Nullable String scope,
			@RequestParam(name = OAuth2ParameterNames.STATE, required = false) @Nullable String state,
			@RequestParam(name = OAuth2ParameterNames.USER_CODE, required = false) @Nullable String userCode,
			@AuthenticationPrincipal @Nullable SignedIn me, Model model) {
		String self = UriComponentsBuilder.fromPath(PATH)
			.queryParamIfPresent(OAuth2ParameterNames.CLIENT_ID, Optional.ofNullable(clientId))
			.queryParamIfPresent(OAuth2ParameterNames.SCOPE, Optional.ofNullable(scope))
			.queryParamIfPresent(OAuth2ParameterNames.STATE, Optional.ofNullable(state))
			.encode()
			.build()
			.toUriString();
		if (me == null) {
			return "redirect:/login?next=" + URLEncoder.encode(self, StandardCharsets.UTF_8);
		}
		// the device flow is not offered (no app is registered for it), so a user code never belongs here
		ConsentRequest request = (userCode != null) ? null
				: this.consents.pending(clientId, state, me.getName()).orElse(null);
		if (request == null) {
			throw new TrustException(SsoError.CONSENT_REQUEST_INVALID);
		}
		model.addAttribute("consent", request);
		// the language switch reloads this very request
		model.addAttribute("currentPath", self);
		return "sso/consent";
	}

}
