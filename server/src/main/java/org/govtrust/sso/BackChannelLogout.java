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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.govtrust.login.SessionIds;
import org.govtrust.login.SignedOut;
import org.govtrust.sso.persistence.SigningKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * OpenID Connect Back-Channel Logout: when a person's GovTrust session ends, every app they
 * signed in to through it that registered a back-channel logout URI receives a signed
 * logout token ({@code iss}, {@code aud}, {@code sub} as that app knows the person,
 * {@code sid} of the session as the app's ID token named it, {@code events}), and the app's
 * tokens from those sign-ins are revoked. The person's other sessions (another browser or
 * device) and the apps signed in to through them are left as they are; a password reset or a
 * deactivation ends them all. The tokens are
 * revoked in the transaction that ends the session; the logout tokens are sent only once it
 * has committed, on a thread of their own, so that a slow or unreachable app never holds the
 * request, its database connection or the locks its transaction took (an operator's act holds
 * the audit trail's). Delivery is best-effort with short time-outs; a failure is logged (app
 * and status only) and never keeps the person signed in.
 *
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html">Back-Channel Logout 1.0</a>
 */
@Service
public class BackChannelLogout implements DisposableBean {

	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	/** The authorization attribute that holds the {@code sid} of the session it was granted in. */
	public static final String SID_ATTRIBUTE = "govtrust.sid";

	private static final Logger logger = LoggerFactory.getLogger(BackChannelLogout.class);

	private final JdbcClient jdbc;

	private final OAuth2AuthorizationService authorizations;

	private final RegisteredClientRepository clients;

	private final NimbusJwtEncoder encoder;

	private final SigningKeys keys;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Sends the logout tokens: a few threads, and a bounded queue (past it, a token is not sent). */
	private final ThreadPoolExecutor senders = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(10_000), daemonThreads(), (task, executor) -> logger.warn(executor.isShutdown()
					? "Back-channel logout: shutting down, a logout token is not sent"
					: "Back-channel logout: {} logout tokens waiting already, this one is not sent",
					executor.getQueue().size()));

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
		// people and enterprises alike (staff never sign in to apps: nothing is found for them)
		List<Delivery> deliveries = revoke(event.principal(), event.allSessions() ? null
				: event.sessionIds().stream().map(SessionIds::sid).collect(Collectors.toSet()));
		if (deliveries.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					submit(deliveries);
				}

			});
		}
		else {
			submit(deliveries);
		}
	}

	/** One task an app, so that a slow app delays no other; each token is signed as it is sent. */
	private void submit(List<Delivery> deliveries) {
		for (Delivery delivery : deliveries) {
			this.senders.execute(() -> {
				try {
					send(delivery.clientId(), delivery.uri(), token(delivery));
				}
				catch (RuntimeException ex) { // the signing key could not be read
					logger.warn("Back-channel logout to app {} failed: {}", delivery.clientId(), ex.toString());
				}
			});
		}
	}

	/** Sends what is queued for up to five seconds, then gives up on the rest, saying how many. */
	@Override
	public void destroy() throws InterruptedException {
		this.senders.shutdown();
		if (!this.senders.awaitTermination(5, TimeUnit.SECONDS)) {
			logger.warn("Back-channel logout: {} logout tokens not sent at shutdown", this.senders.shutdownNow().size());
		}
	}

	private static CustomizableThreadFactory daemonThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("back-channel-logout-");
		threads.setDaemon(true);
		return threads;
	}

	/** A logout token to make for an app, and where it goes. */
	private record Delivery(String clientId, String uri, OidcIdToken idToken, @Nullable String sid) {
	}

	/**
	 * Revokes the tokens of every app a person signed in to through the sessions that ended,
	 * and makes the logout token for each that registered a back-channel logout URI.
	 * @param principal {@code citizen:<id>} or {@code enterprise:<id>}
	 * @param sids the ended sessions' {@code sid}s, or {@code null} when every session ended
	 * @return what to send
	 */
	private List<Delivery> revoke(String principal, @Nullable Set<String> sids) {
		List<String> ids = this.jdbc
			.sql("SELECT id FROM oauth2_authorization WHERE principal_name = :principal")
			.param("principal", principal)
			.query(String.class)
			.list();
		List<Delivery> deliveries = new ArrayList<>();
		for (String id : ids) {
			OAuth2Authorization authorization = this.authorizations.findById(id);
			if (authorization == null) {
				continue;
			}
			OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
			String sid = authorization.getAttribute(SID_ATTRIBUTE);
			// every authorization when all sessions ended (OAuth2-only apps and codes not yet
			// exchanged too); otherwise those granted in the ended session, and any ID token's
			// from before sessions were recorded with authorizations
			boolean ended = (sids == null) || ((sid != null) ? sids.contains(sid) : idToken != null);
			if (!ended) {
				continue;
			}
			RegisteredClient client = this.registeredClient(authorization);
			this.authorizations.remove(authorization);
			String uri = (client == null) ? null : client.getClientSettings().getSetting(ClientService.BACKCHANNEL_LOGOUT_URI);
			if (idToken == null || uri == null || uri.isBlank()) {
				continue;
			}
			deliveries.add(new Delivery(client.getClientId(), uri, idToken.getToken(), sid));
		}
		return deliveries;
	}

	private String token(Delivery delivery) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(delivery.idToken().getIssuer().toString())
			.subject(delivery.idToken().getSubject())
			.audience(List.of(delivery.clientId()))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(2)))
			.id(UUID.randomUUID().toString())
			.claim("events", Map.of(EVENT, Map.of()));
		if (delivery.sid() != null) {
			claims.claim("sid", delivery.sid()); // the session, as the app's ID token named it
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
			.keyId(this.keys.current().active().getKeyID())
			.type("logout+jwt")
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
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
		catch (java.io.IOException | RuntimeException ex) { // RuntimeException: a URI the HTTP client refuses
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
