package org.govtrust.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.govtrust.login.SignedOut;
import org.govtrust.sso.persistence.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;

/**
 * OpenID Connect Back-Channel Logout: when a person's GovTrust session ends, every app they
 * signed in to through it that registered a back-channel logout URI receives a signed
 * logout token ({@code iss}, {@code aud}, {@code sub} as that app knows the person,
 * {@code events}), and the app's tokens from those sign-ins are revoked. Delivery is
 * best-effort with short time-outs; a failure is logged (app and status only) and never
 * keeps the person signed in.
 *
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html">Back-Channel Logout 1.0</a>
 */
@Service
public class BackChannelLogout {

	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private static final Logger logger = LoggerFactory.getLogger(BackChannelLogout.class);

	private final JdbcClient jdbc;

	private final OAuth2AuthorizationService authorizations;

	private final RegisteredClientRepository clients;

	private final NimbusJwtEncoder encoder;

	private final SigningKeys keys;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public BackChannelLogout(JdbcClient jdbc, OAuth2AuthorizationService authorizations,
			RegisteredClientRepository clients, JWKSource<SecurityContext> jwkSource, SigningKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.authorizations = authorizations;
		this.clients = clients;
		this.encoder = new NimbusJwtEncoder(jwkSource);
		this.keys = keys;
		this.clock = clock;
	}

	@EventListener
	void on(SignedOut event) {
		if (event.principal().startsWith("citizen:")) {
			logout(event.principal());
		}
	}

	/**
	 * Tells the apps a person signed in to that the person signed out.
	 * @param principal {@code citizen:<id>}
	 * @return how many apps accepted the logout token
	 */
	public int logout(String principal) {
		List<String> ids = this.jdbc
			.sql("SELECT id FROM oauth2_authorization WHERE principal_name = :principal AND oidc_id_token_value IS NOT NULL")
			.param("principal", principal)
			.query(String.class)
			.list();
		int delivered = 0;
		for (String id : ids) {
			OAuth2Authorization authorization = this.authorizations.findById(id);
			if (authorization == null) {
				continue;
			}
			OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
			RegisteredClient client = this.registeredClient(authorization);
			this.authorizations.remove(authorization);
			String uri = (client == null) ? null : client.getClientSettings().getSetting(ClientService.BACKCHANNEL_LOGOUT_URI);
			if (idToken == null || uri == null || uri.isBlank()) {
				continue;
			}
			delivered += send(client.getClientId(), uri, token(idToken.getToken(), client.getClientId())) ? 1 : 0;
		}
		return delivered;
	}

	private String token(OidcIdToken idToken, String clientId) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(idToken.getIssuer().toString())
			.subject(idToken.getSubject())
			.audience(List.of(clientId))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(2)))
			.id(UUID.randomUUID().toString())
			.claim("events", Map.of(EVENT, Map.of()))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
			.keyId(this.keys.current().active().getKeyID())
			.type("logout+jwt")
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private boolean send(String clientId, String uri, String logoutToken) {
		try {
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create(uri))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
			boolean ok = response.statusCode() / 100 == 2;
			if (!ok) {
				logger.warn("Back-channel logout to app {} answered {}", clientId, response.statusCode());
			}
			return ok;
		}
		catch (java.io.IOException ex) {
			logger.warn("Back-channel logout to app {} failed: {}", clientId, ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private RegisteredClient registeredClient(OAuth2Authorization authorization) {
		return this.clients.findById(authorization.getRegisteredClientId());
	}

}
