package org.govtrust.sso.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.govtrust.sso.persistence.TokenIndexBackfill;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Finds authorizations by token through an index of token hashes
 * ({@code sso_token_index}: SHA-256 of the value → authorization id), then by primary key.
 * The JDBC service on its own compares the token with every authorization's text columns: a
 * scan per introspection, userinfo call or refresh, growing with every token ever issued. The
 * index is kept in the same transaction as the authorization (the caller's; see
 * {@link TransactionalAuthorizationService}); the row read by id is always the current one,
 * so a token revoked on another node is seen revoked here.
 */
final class TokenIndexedAuthorizationService implements OAuth2AuthorizationService {

	private static final List<Class<? extends OAuth2Token>> TOKEN_TYPES = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class, OAuth2UserCode.class,
			OAuth2DeviceCode.class);

	private final OAuth2AuthorizationService delegate;

	private final JdbcClient jdbc;

	TokenIndexedAuthorizationService(OAuth2AuthorizationService delegate, JdbcClient jdbc) {
		this.delegate = delegate;
		this.jdbc = jdbc;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		this.delegate.save(authorization);
		this.jdbc.sql("DELETE FROM sso_token_index WHERE authorization_id = :id")
			.param("id", authorization.getId())
			.update();
		for (String value : values(authorization)) {
			String hash = hash(value);
			this.jdbc.sql("DELETE FROM sso_token_index WHERE token_hash = :hash").param("hash", hash).update();
			this.jdbc.sql("INSERT INTO sso_token_index (token_hash, authorization_id) VALUES (:hash, :id)")
				.param("hash", hash)
				.param("id", authorization.getId())
				.update();
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.jdbc.sql("DELETE FROM sso_token_index WHERE authorization_id = :id")
			.param("id", authorization.getId())
			.update();
		this.delegate.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		String id = this.jdbc.sql("SELECT authorization_id FROM sso_token_index WHERE token_hash = :hash")
			.param("hash", hash(token))
			.query(String.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return null;
		}
		OAuth2Authorization authorization = this.delegate.findById(id);
		return (authorization != null && holds(authorization, token, tokenType)) ? authorization : null;
	}

	/** Every value the authorization can be found by: its state and its tokens. */
	private static Set<String> values(OAuth2Authorization authorization) {
		Set<String> values = new LinkedHashSet<>();
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			values.add(state);
		}
		for (Class<? extends OAuth2Token> type : TOKEN_TYPES) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
			if (token != null) {
				values.add(token.getToken().getTokenValue());
			}
		}
		return values;
	}

	/** Whether the authorization holds this value as the asked type (any type when none is asked). */
	private static boolean holds(OAuth2Authorization authorization, String value, @Nullable OAuth2TokenType type) {
		if (type == null) {
			return values(authorization).contains(value);
		}
		if (OAuth2ParameterNames.STATE.equals(type.getValue())) {
			return value.equals(authorization.getAttribute(OAuth2ParameterNames.STATE));
		}
		Class<? extends OAuth2Token> kind = switch (type.getValue()) {
			case OAuth2ParameterNames.CODE -> OAuth2AuthorizationCode.class;
			case OAuth2ParameterNames.ACCESS_TOKEN -> OAuth2AccessToken.class;
			case OAuth2ParameterNames.REFRESH_TOKEN -> OAuth2RefreshToken.class;
			case OidcParameterNames.ID_TOKEN -> OidcIdToken.class;
			case OAuth2ParameterNames.USER_CODE -> OAuth2UserCode.class;
			case OAuth2ParameterNames.DEVICE_CODE -> OAuth2DeviceCode.class;
			default -> null;
		};
		if (kind == null) {
			return false;
		}
		OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind);
		return token != null && Objects.equals(value, token.getToken().getTokenValue());
	}

	static String hash(String value) {
		return TokenIndexBackfill.hash(value);
	}

}
