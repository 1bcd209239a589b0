package org.govtrust.sso.config;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.govtrust.support.GovTrustTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization service as the application wires it ({@link TokenIndexedAuthorizationService}
 * inside its transaction): what is saved is found by id and by each of its values, a second save
 * replaces the first, and the index never names a value the authorization no longer holds.
 */
@GovTrustTest
class TokenIndexedAuthorizationServiceTests {

	@Autowired
	OAuth2AuthorizationService authorizations;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	JdbcClient jdbc;

	private RegisteredClient client;

	@BeforeEach
	void app() {
		this.jdbc.sql("DELETE FROM sso_token_index").update();
		this.jdbc.sql("DELETE FROM oauth2_authorization").update();
		this.client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId("index-" + UUID.randomUUID())
			.clientSecret("{noop}" + UUID.randomUUID())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();
		this.clients.save(this.client);
	}

	@Test
	void newAuthorizationIsFoundByIdAndByEachToken() {
		OAuth2Authorization saved = authorization("access-1", "refresh-1", null);
		this.authorizations.save(saved);

		assertThat(this.authorizations.findById(saved.getId())).isNotNull();
		assertThat(found("access-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(saved.getId());
		assertThat(found("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isEqualTo(saved.getId());
		assertThat(found("access-1", null)).isEqualTo(saved.getId());
		// a value is found only as what it is
		assertThat(found("access-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(indexed(saved)).isEqualTo(2);
	}

	@Test
	void savedAgainItIsUpdatedAndItsOldTokensFindNothing() {
		OAuth2Authorization first = authorization("access-1", "refresh-1", null);
		this.authorizations.save(first);
		OAuth2Authorization refreshed = OAuth2Authorization.from(first)
			.token(accessToken("access-2"))
			.refreshToken(new OAuth2RefreshToken("refresh-2", Instant.now()))
			.build();
		this.authorizations.save(refreshed);

		assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization").query(Long.class).single()).isOne();
		OAuth2Authorization read = this.authorizations.findById(first.getId());
		assertThat(read).isNotNull();
		assertThat(read.getAccessToken().getToken().getTokenValue()).isEqualTo("access-2");
		assertThat(found("access-2", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(first.getId());
		assertThat(found("access-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
		assertThat(found("refresh-1", null)).isNull();
		assertThat(indexed(first)).isEqualTo(2);
	}

	@Test
	void aStateTwoAuthorizationsShareFindsTheNewest() {
		OAuth2Authorization older = authorization("access-1", null, "same-state");
		OAuth2Authorization newer = authorization("access-2", null, "same-state");
		this.authorizations.save(older);
		this.authorizations.save(newer);

		assertThat(found("same-state", new OAuth2TokenType(OAuth2ParameterNames.STATE))).isEqualTo(newer.getId());
		assertThat(found("access-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(older.getId());
	}

	@Test
	void removedAuthorizationLeavesNothingToFind() {
		OAuth2Authorization saved = authorization("access-1", "refresh-1", null);
		this.authorizations.save(saved);
		this.authorizations.remove(saved);

		assertThat(this.authorizations.findById(saved.getId())).isNull();
		assertThat(found("access-1", null)).isNull();
		assertThat(indexed(saved)).isZero();
	}

	private OAuth2Authorization authorization(String access, String refresh, String state) {
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(this.client)
			.id(UUID.randomUUID().toString())
			.principalName(this.client.getClientId())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.token(accessToken(access));
		if (refresh != null) {
			builder.refreshToken(new OAuth2RefreshToken(refresh, Instant.now()));
		}
		if (state != null) {
			builder.attribute(OAuth2ParameterNames.STATE, state);
		}
		return builder.build();
	}

	private static OAuth2AccessToken accessToken(String value) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plusSeconds(300),
				Set.of("api"));
	}

	private String found(String value, OAuth2TokenType type) {
		OAuth2Authorization authorization = this.authorizations.findByToken(value, type);
		return (authorization != null) ? authorization.getId() : null;
	}

	private long indexed(OAuth2Authorization authorization) {
		return this.jdbc.sql("SELECT count(*) FROM sso_token_index WHERE authorization_id = :id")
			.param("id", authorization.getId())
			.query(Long.class)
			.single();
	}

}
