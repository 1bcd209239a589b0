package org.govtrust.sso;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.govtrust.shared.error.FieldProblem;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.security.HighEntropySecretEncoder;
import org.govtrust.sso.config.SsoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers government apps as OpenID Connect clients: redirect URIs matched exactly,
 * allowed scopes and claims, the lowest assurance level accepted, consent or pre-approval,
 * and the name, department and logo the login page shows. Public clients must use PKCE.
 */
@Service
public class ClientService {

	/** Client-settings keys for GovTrust's own metadata. */
	public static final String DEPARTMENT = "govtrust.department";

	public static final String LOGO = "govtrust.logo";

	public static final String REQUIRED_LEVEL = "govtrust.required-level";

	public static final String PAIRWISE = "govtrust.pairwise";

	public static final String FULL_ID_NUMBER = "govtrust.full-id-number";

	public static final String BACKCHANNEL_LOGOUT_URI = "govtrust.backchannel-logout-uri";

	/** Scopes apps may ask for, in the order pages list them. */
	public static final List<String> SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.PHONE,
			"realname");

	private final RegisteredClientRepository clients;

	private final JdbcClient jdbc;

	private final SsoProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final HighEntropySecretEncoder secretEncoder = new HighEntropySecretEncoder();

	public ClientService(RegisteredClientRepository clients, JdbcClient jdbc,
			SsoProperties properties, Clock clock) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Registers an app.
	 * @param command the app
	 * @return the app, with its secret when confidential (shown this once)
	 * @throws InvalidInputException listing every problem
	 */
	@Transactional
	public ClientView register(RegisterClientCommand command) {
		List<FieldProblem> problems = new ArrayList<>();
		String clientId = command.clientId() == null ? "" : command.clientId().strip();
		if (!clientId.matches("[a-z][a-z0-9-]{2,63}")) {
			problems.add(new FieldProblem("clientId", SsoError.CLIENT_ID_FORMAT));
		}
		else if (this.clients.findByClientId(clientId) != null) {
			problems.add(new FieldProblem("clientId", SsoError.CLIENT_ID_TAKEN));
		}
		if (blank(command.name()) || blank(command.department())) {
			problems.add(new FieldProblem("name", SsoError.CLIENT_NAME_REQUIRED));
		}
		List<String> redirects = command.redirectUris() == null ? List.of() : command.redirectUris();
		if (redirects.isEmpty()) {
			problems.add(new FieldProblem("redirectUris", SsoError.REDIRECT_URI, "-"));
		}
		List<String> logoutRedirects = command.postLogoutRedirectUris() == null ? List.of()
				: command.postLogoutRedirectUris();
		List<String> checked = concat(redirects, logoutRedirects);
		if (command.backchannelLogoutUri() != null && !command.backchannelLogoutUri().isBlank()) {
			checked.add(command.backchannelLogoutUri());
		}
		for (String uri : checked) {
			if (!acceptableRedirect(uri)) {
				problems.add(new FieldProblem("redirectUris", SsoError.REDIRECT_URI, uri));
			}
		}
		List<String> scopes = command.scopes() == null ? List.of(OidcScopes.OPENID) : command.scopes();
		for (String scope : scopes) {
			if (!SCOPES.contains(scope)) {
				problems.add(new FieldProblem("scopes", SsoError.SCOPE_UNKNOWN, scope));
			}
		}
		AssuranceLevel level = command.requiredLevel() == null ? AssuranceLevel.LOA1
				: AssuranceLevel.parse(command.requiredLevel());
		if (level == null) {
			problems.add(new FieldProblem("requiredLevel", SsoError.SCOPE_UNKNOWN, command.requiredLevel()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String secret = command.isConfidential() ? newSecret() : null;
		RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(this.clock.instant())
			.clientName(command.name().strip())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(redirects))
			.postLogoutRedirectUris((uris) -> uris.addAll(logoutRedirects))
			.scopes((set) -> {
				set.addAll(scopes);
				set.add(OidcScopes.OPENID);
			})
			.clientSettings(ClientSettings.builder()
				.requireProofKey(!command.isConfidential())
				.requireAuthorizationConsent(command.isConsentRequired())
				.setting(DEPARTMENT, command.department().strip())
				.setting(LOGO, command.logoUri() == null ? "" : command.logoUri())
				.setting(REQUIRED_LEVEL, level.name())
				.setting(PAIRWISE, command.isPairwise())
				.setting(FULL_ID_NUMBER, command.isFullIdNumber())
				.setting(BACKCHANNEL_LOGOUT_URI,
						command.backchannelLogoutUri() == null ? "" : command.backchannelLogoutUri().strip())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(this.properties.accessTokenTtl())
				.refreshTokenTimeToLive(this.properties.refreshTokenTtl())
				.reuseRefreshTokens(false)
				.build());
		if (command.isConfidential()) {
			// 256 random bits: SHA-256 suffices, argon2 would make every grant cost a hash
			builder.clientSecret("{" + HighEntropySecretEncoder.ID + "}" + this.secretEncoder.encode(secret))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
		}
		else {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		RegisteredClient client = builder.build();
		this.clients.save(client);
		return view(client, secret);
	}

	/**
	 * A registered app.
	 * @param clientId the client id
	 * @return the app, if registered
	 */
	@Transactional(readOnly = true)
	public Optional<ClientView> find(String clientId) {
		return Optional.ofNullable(this.clients.findByClientId(clientId)).map((client) -> view(client, null));
	}

	/**
	 * Every registered app (for the administrator and the "apps you can go to" list).
	 * @return the apps
	 */
	@Transactional(readOnly = true)
	public List<ClientView> all() {
		return this.jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_name")
			.query(String.class)
			.list()
			.stream()
			.map((id) -> view(this.clients.findByClientId(id), null))
			.toList();
	}

	static ClientView view(RegisteredClient client, @Nullable String secret) {
		ClientSettings settings = client.getClientSettings();
		String logo = settings.getSetting(LOGO);
		String level = settings.getSetting(REQUIRED_LEVEL);
		return new ClientView(client.getClientId(), client.getClientName(), settings.getSetting(DEPARTMENT),
				(logo == null || logo.isBlank()) ? null : logo, client.getRedirectUris(), client.getScopes(),
				!client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
				level == null ? AssuranceLevel.LOA1 : AssuranceLevel.valueOf(level),
				Boolean.TRUE.equals(settings.getSetting(FULL_ID_NUMBER)), secret);
	}

	private String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean acceptableRedirect(String uri) {
		try {
			URI parsed = URI.create(uri);
			if (parsed.getFragment() != null || parsed.getHost() == null) {
				return false;
			}
			boolean local = parsed.getHost().equals("localhost") || parsed.getHost().equals("127.0.0.1");
			return "https".equals(parsed.getScheme()) || ("http".equals(parsed.getScheme()) && local);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
