package org.govtrust.sso.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govtrust.sso.persistence.TokenIndexBackfill;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
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
 * so a token revoked on another node is seen revoked here. Rows are saved here too, with the
 * JDBC service's own mapping of an authorization to columns, so that a new authorization is
 * not first looked for ({@link #save}).
 */
final class TokenIndexedAuthorizationService implements OAuth2AuthorizationService {

	private static final List<Class<? extends OAuth2Token>> TOKEN_TYPES = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class, OAuth2UserCode.class,
			OAuth2DeviceCode.class);

	/** Every column of {@code oauth2_authorization}, in the JDBC service's order, the id first. */
	private static final String COLUMNS = "id, registered_client_id, principal_name, authorization_grant_type, "
			+ "authorized_scopes, attributes, state, authorization_code_value, authorization_code_issued_at, "
			+ "authorization_code_expires_at, authorization_code_metadata, access_token_value, access_token_issued_at, "
			+ "access_token_expires_at, access_token_metadata, access_token_type, access_token_scopes, "
			+ "oidc_id_token_value, oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata, "
			+ "refresh_token_value, refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata, "
			+ "user_code_value, user_code_issued_at, user_code_expires_at, user_code_metadata, device_code_value, "
			+ "device_code_issued_at, device_code_expires_at, device_code_metadata";

	private static final String INSERT = "INSERT INTO oauth2_authorization (" + COLUMNS + ") VALUES ("
			+ String.join(", ", Collections.nCopies(COLUMNS.split(", ").length, "?")) + ") ON CONFLICT DO NOTHING";

	private static final String UPDATE = "UPDATE oauth2_authorization SET "
			+ Arrays.stream(COLUMNS.split(", ")).skip(1).map((column) -> column + " = ?").collect(Collectors.joining(", "))
			+ " WHERE id = ?";

	private static final String INDEX = "INSERT INTO sso_token_index (token_hash, authorization_id) "
			+ "VALUES (:hash, :id) ON CONFLICT DO NOTHING";

	private static final String BY_TOKEN_HASH = "SELECT " + COLUMNS + " FROM oauth2_authorization "
			+ "WHERE id = (SELECT authorization_id FROM sso_token_index WHERE token_hash = :hash)";

	private final OAuth2AuthorizationService delegate;

	private final JdbcClient jdbc;

	private final RowMapper<OAuth2Authorization> rows;

	private final Function<OAuth2Authorization, List<SqlParameterValue>> parameters;

	/**
	 * @param delegate the JDBC service, which finds by id and removes
	 * @param jdbc for the rows saved here and the index
	 * @param rows the delegate's row mapper, for the rows found by token here
	 * @param parameters the delegate's parameters mapper (every column, in {@link #COLUMNS}'
	 * order), for the rows saved here
	 */
	TokenIndexedAuthorizationService(OAuth2AuthorizationService delegate, JdbcClient jdbc,
			RowMapper<OAuth2Authorization> rows, Function<OAuth2Authorization, List<SqlParameterValue>> parameters) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.rows = rows;
		this.parameters = parameters;
	}

	/**
	 * Inserts the authorization, or updates it when its id is already stored, and indexes its
	 * values. A new authorization (every client-credentials grant, every authorization request)
	 * takes one statement for the row and one a value; the JDBC service on its own reads the
	 * row first to choose between insert and update.
	 */
	@Override
	public void save(OAuth2Authorization authorization) {
		List<SqlParameterValue> row = this.parameters.apply(authorization);
		boolean inserted = this.jdbc.sql(INSERT).params(row).update() == 1;
		if (!inserted) {
			List<SqlParameterValue> update = new ArrayList<>(row.subList(1, row.size()));
			update.add(row.get(0)); // WHERE id = ?
			this.jdbc.sql(UPDATE).params(update).update();
			this.jdbc.sql("DELETE FROM sso_token_index WHERE authorization_id = :id")
				.param("id", authorization.getId())
				.update();
		}
		for (String value : values(authorization)) {
			// a value already indexed for another authorization (a state an app used twice) now
			// finds this one, the newest; if that entry is deleted meanwhile, it is inserted again
			String hash = hash(value);
			if (this.jdbc.sql(INDEX).param("hash", hash).param("id", authorization.getId()).update() == 0
					&& this.jdbc.sql("UPDATE sso_token_index SET authorization_id = :id WHERE token_hash = :hash")
						.param("hash", hash)
						.param("id", authorization.getId())
						.update() == 0) {
				this.jdbc.sql(INDEX).param("hash", hash).param("id", authorization.getId()).update();
			}
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
