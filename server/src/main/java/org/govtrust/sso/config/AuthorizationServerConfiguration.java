package org.govtrust.sso.config;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpSession;

import org.govtrust.login.SessionService;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.shared.web.BrowserPageSecurity;
import org.govtrust.sso.AssuranceLevel;
import org.govtrust.sso.crypto.OpenSslRsa;
import org.govtrust.sso.persistence.RowContentCache;
import org.govtrust.sso.persistence.SigningKeys;
import org.govtrust.sso.persistence.TokenIndexBackfill;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The OpenID Connect provider: Spring Security's authorization server with its JDBC stores
 * (clients, authorizations, consents), OIDC on (discovery, userinfo, RP-initiated logout),
 * signing keys from the database, and GovTrust's own sign-in and consent pages: an
 * authorization request without a session is answered with the sign-in page
 * ({@code /login?next=...}, forwarded to), and the sign-in answers the request in its own
 * response ({@link AuthorizationRequestsContinuedInPlace}); an app registered to ask first sends
 * the person to {@code /oauth2/consent}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/** GovTrust's consent page ({@code sso.web.ConsentController}). */
	static final String CONSENT_PAGE = "/oauth2/consent";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, SecurityContextRepository contexts,
			SignInRequirementsFilter signInRequirements, SessionService sessions, OAuth2AuthorizationService authorizations,
			AuthorizationServerSettings settings) throws Exception {
		OidcLogoutAuthenticationSuccessHandler defaultLogout = new OidcLogoutAuthenticationSuccessHandler();
		RequestMatcher userInfoRequest = PathPatternRequestMatcher.withDefaults()
			.matcher(settings.getOidcUserInfoEndpoint());
		// userinfo's protected-resource metadata (RFC 9728), which every 401 from userinfo names
		String userInfoMetadata = "/.well-known/oauth-protected-resource" + settings.getOidcUserInfoEndpoint();
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		bearer.setResourceMetadataParameterResolver(
				(request) -> ServletUriComponentsBuilder.fromContextPath(request).path(userInfoMetadata).toUriString());
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		DeclinedConsent declined = new DeclinedConsent(authorizations);
		// its error pages are pages: the same CSRF token store and headers as every other page
		BrowserPageSecurity.apply(http,
				(csrf) -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()), false);
		// the authorization server's endpoints, and userinfo's metadata
		http.securityMatcher(new OrRequestMatcher(authorizationServer.getEndpointsMatcher(),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, userInfoMetadata)))
			.with(authorizationServer, (server) -> server
				// the code exchange does not list the person's sessions: see NoSessionListing
				.tokenEndpoint((token) -> token.authenticationProviders((providers) -> providers.forEach((provider) -> {
					if (provider instanceof OAuth2AuthorizationCodeAuthenticationProvider code) {
						code.setSessionRegistry(new NoSessionListing());
					}
				})))
				// apps registered to ask first: GovTrust's own consent page, Cancel always denied
				.authorizationEndpoint((authorization) -> authorization.consentPage(CONSENT_PAGE)
					// an unknown app or redirect address: GovTrust's error page with what to do
					.errorResponseHandler(new AuthorizationErrorResponses())
					.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
							consent.setAuthorizationConsentCustomizer(declined);
						}
					})))
				.oidc((oidc) -> oidc
					// the levels apps may ask for and the prompts honoured (SignInRequirementsFilter);
					// pairwise subjects for apps registered so; no certificate-bound tokens, as for userinfo
					.providerConfigurationEndpoint((discovery) -> discovery.providerConfigurationCustomizer((metadata) -> metadata
						.claim("acr_values_supported", Arrays.stream(AssuranceLevel.values()).map(AssuranceLevel::uri).toList())
						.claim("prompt_values_supported", List.of("none", "login", "select_account"))
						.subjectType("pairwise")
						.tlsClientCertificateBoundAccessTokens(false)))
					// userinfo answers with the claims of the ID token the app received (scope-filtered
					// there), from the authorization its access token was found in
					.userInfoEndpoint((userInfo) -> userInfo.authenticationProviders((providers) -> {
						providers.clear();
						providers.add(new StoredAccessTokens.UserInfo());
					}))
					// RP-initiated logout ends the session like any other sign-out: the other apps hear of it
					.logoutEndpoint((logout) -> logout
						// an ID token from before a step-up in the same browser still signs it out
						.authenticationProviders((providers) -> providers.replaceAll((provider) ->
								(provider instanceof OidcLogoutAuthenticationProvider)
										? new EarlierSessionLogout(provider, authorizations) : provider))
						.logoutResponseHandler((request, response, authentication) -> {
							Object principal = ((OidcLogoutAuthenticationToken) authentication).getPrincipal();
							HttpSession session = request.getSession(false);
							String sessionId = (session != null) ? session.getId() : null;
							Object earlierIds = (session != null) ? session.getAttribute(SessionService.EARLIER_IDS) : null;
							defaultLogout.onAuthenticationSuccess(request, response, authentication);
							if (sessionId != null && principal instanceof Authentication user
									&& user.getPrincipal() instanceof SignedIn who) {
								sessions.signedOut(who.getName(), sessionId, earlierIds);
							}
						}))))
			// access tokens (userinfo) are checked against their stored authorization, not their signature
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.bearerTokenResolver(new BearerHeaderTokenResolver(userInfoRequest))
				.authenticationEntryPoint(bearer)
				// RFC 9728: userinfo's tokens come from this server; they are not bound to TLS client certificates
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer((builder) -> builder
					.tlsClientCertificateBoundAccessTokens(false)
					.resourceName("GovTrust userinfo")
					.authorizationServer((settings.getIssuer() != null) ? settings.getIssuer()
							: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString())))
				.jwt((jwt) -> jwt.authenticationManager(new ProviderManager(new StoredAccessTokens(authorizations)))))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.disable())
			.addFilterAfter(signInRequirements, AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				if (userInfoRequest.matches(request)) {
					bearer.commence(request, response, ex); // an API: 401 with WWW-Authenticate: Bearer
					return;
				}
				// a valid authorization request goes on as a GET with its parameters, those its
				// sign-in satisfies left out; anything else as it came
				String target = (request.getAttribute(SignInRequirementsFilter.VALIDATED_REQUEST) != null)
						? SignInRequirementsFilter.continuation(request) : request.getRequestURI()
								+ (request.getQueryString() != null ? "?" + request.getQueryString() : "");
				String login = "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
				if (HttpMethod.GET.matches(request.getMethod())) {
					// the sign-in page answers at the authorization request's own address: one round
					// trip fewer, and the form's address is absolute, so it posts to /login all the same
					request.getRequestDispatcher(login).forward(request, response);
					return;
				}
				redirect(response, request.getContextPath() + login);
			}));
		return http.build();
	}

	private static void redirect(jakarta.servlet.http.HttpServletResponse response, String location)
			throws IOException {
		response.sendRedirect(location);
	}

	/** Apps in the database; each app's row is parsed again only when it changes. */
	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc, SsoProperties properties) {
		JdbcRegisteredClientRepository clients = new JdbcRegisteredClientRepository(jdbc);
		clients.setRegisteredClientRowMapper(new RowContentCache<>(
				new JdbcRegisteredClientRepository.JsonMapperRegisteredClientRowMapper(), "id",
				properties.parsedRowsCached()));
		return clients;
	}

	/**
	 * Authorizations in the database. Their JSON holds the signed-in person
	 * ({@link SignedIn}), so that type is allow-listed for Jackson's polymorphic typing
	 * (nothing else of ours is). A row is parsed again only when it changes
	 * ({@link RowContentCache}).
	 */
	@Bean
	OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients,
			PlatformTransactionManager transactionManager, SsoProperties properties) {
		BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder()
			.allowIfSubType(SignedIn.class)
			.allowIfSubType(SignedIn.Kind.class);
		JsonMapper mapper = JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), types))
			.build();
		JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
		RowContentCache<OAuth2Authorization> rows = new RowContentCache<>(
				new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients, mapper), "id",
				properties.parsedRowsCached());
		service.setAuthorizationRowMapper(rows);
		JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper columns = new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(
				mapper);
		service.setAuthorizationParametersMapper(columns);
		return new SessionBoundAuthorizationService(new TransactionalAuthorizationService(
				new TokenIndexedAuthorizationService(service, JdbcClient.create(jdbc), rows, columns),
				new TransactionTemplate(transactionManager)));
	}

	/** Flyway runs the token index's backfill with the SQL migrations (see the class). */
	@Bean
	FlywayConfigurationCustomizer tokenIndexBackfill() {
		return (configuration) -> configuration.javaMigrations(new TokenIndexBackfill());
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(SsoProperties properties) {
		AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			builder.issuer(properties.issuer());
		}
		return builder.build();
	}

	/**
	 * The signing key and every key still verifying tokens. Tokens name their key
	 * ({@code kid}), so several published keys never confuse the signer or the verifier.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> {
			SigningKeys.KeySet cached = keys.current();
			Set<String> wanted = selector.getMatcher().getKeyIDs();
			boolean unknown = wanted != null && wanted.stream().anyMatch((kid) -> kid != null && !cached.knows(kid));
			// a key another node created since this node last looked
			SigningKeys.KeySet set = unknown ? keys.reload() : cached;
			return selector.select(new JWKSet(set.all()));
		};
	}

	/** RS256 signatures by OpenSSL where the machine has it (see the class). */
	@Bean
	OpenSslRsa openSslRsa(SsoProperties properties) {
		return OpenSslRsa.load(properties.nativeSignatures());
	}

}
