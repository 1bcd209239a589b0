package org.govtrust.sso;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FinishedAuthorizations#purge()}: an authorization goes once every code and token it
 * holds has expired, unless a session's end is still to come for it (granted in a browser
 * session, or holding an ID token); its token index entries go with it.
 */
@GovTrustTest
class FinishedAuthorizationsTests {

	@Autowired
	FinishedAuthorizations finished;

	@Autowired
	OAuth2AuthorizationService authorizations;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private RegisteredClient client;

	@BeforeEach
	void app() {
		this.clock.reset();
		this.jdbc.sql("DELETE FROM sso_token_index").update();
		this.jdbc.sql("DELETE FROM oauth2_authorization").update();
		this.client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId("purge-" + UUID.randomUUID())
			.clientSecret("{noop}" + UUID.randomUUID())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://app.example/callback")
			.build();
		this.clients.save(this.client);
	}

	@Test
	void anAuthorizationGoesOnceEveryTokenItHoldsExpiredUnlessASessionEndIsStillToCome() {
		Instant now = this.clock.instant();
		String expired = saved("expired", now.minusSeconds(1), (builder) -> {
		});
		String live = saved("live", now.plusSeconds(60), (builder) -> {
		});
		String refreshable = saved("refreshable", now.minusSeconds(1),
				(builder) -> builder.refreshToken(new OAuth2RefreshToken("refresh", now.minus(Duration.ofHours(1)),
						now.plus(Duration.ofHours(1)))));
		String inASession = saved("in-a-session", now.minusSeconds(1),
				(builder) -> builder.attribute(BackChannelLogout.SID_ATTRIBUTE, "a-sid"));
		String withIdToken = saved("with-id-token", now.minusSeconds(1), (builder) -> {
			OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
				.subject("someone")
				.issuedAt(now.minus(Duration.ofHours(1)))
				.expiresAt(now.minusSeconds(1))
				.build();
			builder.token(idToken,
					(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idToken.getClaims()));
		});
		String waitingForConsent = this.saved(OAuth2Authorization.withRegisteredClient(this.client)
			.id(UUID.randomUUID().toString())
			.principalName("citizen:someone")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, "state")
			.build());

		assertThat(this.finished.purge()).isOne();

		assertThat(ids()).containsExactlyInAnyOrder(live, refreshable, inASession, withIdToken, waitingForConsent);
		assertThat(this.authorizations.findById(expired)).isNull();
		assertThat(this.jdbc.sql("SELECT count(*) FROM sso_token_index WHERE authorization_id = :id")
			.param("id", expired)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.authorizations.findByToken("live", null)).isNotNull();
	}

	@Test
	void manyGoInBatches() {
		Instant now = this.clock.instant();
		for (int i = 0; i <= FinishedAuthorizations.BATCH; i++) {
			saved("expired-" + i, now.minusSeconds(1), (builder) -> {
			});
		}
		String live = saved("live", now.plusSeconds(60), (builder) -> {
		});

		assertThat(this.finished.purge()).isEqualTo(FinishedAuthorizations.BATCH + 1);

		assertThat(ids()).containsExactly(live);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sso_token_index").query(Long.class).single()).isOne();
	}

	/** A client-credentials grant whose access token expires then, changed as the test needs. */
	private String saved(String accessToken, Instant expiresAt, Consumer<OAuth2Authorization.Builder> change) {
		Instant issuedAt = expiresAt.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(this.client)
			.id(UUID.randomUUID().toString())
			.principalName(this.client.getClientId())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, issuedAt,
					expiresAt.truncatedTo(ChronoUnit.SECONDS), Set.of("api")));
		change.accept(builder);
		return saved(builder.build());
	}

	private String saved(OAuth2Authorization authorization) {
		this.authorizations.save(authorization);
		return authorization.getId();
	}

	private List<String> ids() {
		return this.jdbc.sql("SELECT id FROM oauth2_authorization").query(String.class).list();
	}

}
