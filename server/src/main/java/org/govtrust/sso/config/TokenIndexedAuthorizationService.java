package org.govtrust.sso.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.govtrust.sso.persistence.TokenIndexBackfill;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
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
 * ({@code sso_token_index}: SHA-256 of the value → authorization id), in one query with the
 * authorization's row (by primary key).
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

	/** Every column of {@code oauth2_authorization}, as the JDBC service reads them. */
	private static final String COLUMNS = "id, registered_client_id, principal_name, authorization_grant_type, "
			+ "authorized_scopes, attributes, state, authorization_code_value, authorization_code_issued_at, "
			+ "authorization_code_expires_at, authorization_code_metadata, access_token_value, access_token_issued_at, "
			+ "access_token_expires_at, access_token_metadata, access_token_type, access_token_scopes, "
			+ "oidc_id_token_value, oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata, "
			+ "refresh_token_value, refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata, "
			+ "user_code_value, user_code_issued_at, user_code_expires_at, user_code_metadata, device_code_value, "
			+ "device_code_issued_at, device_code_expires_at, device_code_metadata";

	private static final String BY_TOKEN_HASH = "SELECT " + COLUMNS + " FROM oauth2_authorization "
			+ "WHERE id = (SELECT authorization_id FROM sso_token_index WHERE token_hash = :hash)";

	private final OAuth2AuthorizationService delegate;

	private final JdbcClient jdbc;

	private final RowMapper<OAuth2Authorization> rows;

	/**
	 * @param delegate the JDBC service, which saves and finds by id
	 * @param jdbc for the index
	 * @param rows the delegate's row mapper, for the rows found by token here
	 */
	TokenIndexedAuthorizationService(OAuth2AuthorizationService delegate, JdbcClient jdbc,
			RowMapper<OAuth2Authorization> rows) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.rows = rows;
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
		OAuth2Authorization authorization = this.jdbc.sql(BY_TOKEN_HASH)
			.param("hash", hash(token))
			.query(this.rows)
			.optional()
			.orElse(null);
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
