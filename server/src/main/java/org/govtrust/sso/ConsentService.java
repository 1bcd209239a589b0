package org.govtrust.sso;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the consent page asks: for an app registered to ask first, the authorization
 * endpoint keeps the request in flight under a {@code state} and sends the person to the
 * page. The request is read from there, not from the page's query string, and only when it
 * belongs to the signed-in person and the named app; the scopes the person granted the app
 * earlier come from the stored consents.
 */
@Service
public class ConsentService {

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationService authorizations;

	private final OAuth2AuthorizationConsentService consents;

	public ConsentService(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			OAuth2AuthorizationConsentService consents) {
		this.clients = clients;
		this.authorizations = authorizations;
		this.consents = consents;
	}

	/**
	 * The authorization request waiting for a person's consent.
	 * @param clientId the app's client id, as the authorization endpoint passed it
	 * @param state the state the authorization endpoint passed
	 * @param principalName the signed-in person ({@code SignedIn#getName()})
	 * @return the request, or empty when the app is unknown, the state is missing, no
	 * request waits under it (answered, cancelled or ended with the session), or it belongs
	 * to another person or app
	 */
	@Transactional(readOnly = true)
	public Optional<ConsentRequest> pending(@Nullable String clientId, @Nullable String state, String principalName) {
		if (clientId == null || clientId.isBlank() || state == null || state.isBlank()) {
			return Optional.empty();
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			return Optional.empty();
		}
		OAuth2Authorization authorization = this.authorizations.findByToken(state, STATE);
		if (authorization == null || !authorization.getRegisteredClientId().equals(client.getId())
				|| !authorization.getPrincipalName().equals(principalName)) {
			return Optional.empty();
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		if (request == null) {
			return Optional.empty();
		}
		OAuth2AuthorizationConsent earlier = this.consents.findById(client.getId(), principalName);
		Set<String> granted = (earlier != null) ? earlier.getScopes() : Set.of();
		List<ConsentRequest.Scope> scopes = request.getScopes()
			.stream()
			.sorted(Comparator.comparingInt(ConsentService::rank).thenComparing(Comparator.naturalOrder()))
			.map((scope) -> new ConsentRequest.Scope(scope, OidcScopes.OPENID.equals(scope), granted.contains(scope),
					ClientService.SCOPES.contains(scope)))
			.toList();
		return Optional.of(new ConsentRequest(ClientService.view(client, null), state, scopes));
	}

	/** The page lists scopes in the order GovTrust offers them; any others follow alphabetically. */
	private static int rank(String scope) {
		int rank = ClientService.SCOPES.indexOf(scope);
		return (rank < 0) ? ClientService.SCOPES.size() : rank;
	}

}
