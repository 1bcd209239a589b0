package org.govtrust.sso.config;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every call of the JDBC authorization service in one transaction, so the registered
 * client its row mapper reads while the authorization's result set is still open uses the
 * same database connection. Without it each lookup held one pooled connection while waiting
 * for a second: with as many concurrent requests as pool connections, the pool deadlocked
 * (seen in bench/run.sh at concurrency 32: introspection and userinfo stalled until the
 * 30-second connection time-out).
 */
final class TransactionalAuthorizationService implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	private final TransactionTemplate transactions;

	TransactionalAuthorizationService(OAuth2AuthorizationService delegate, TransactionTemplate transactions) {
		this.delegate = delegate;
		this.transactions = transactions;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		this.transactions.executeWithoutResult((status) -> this.delegate.save(authorization));
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.transactions.executeWithoutResult((status) -> this.delegate.remove(authorization));
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.transactions.execute((status) -> this.delegate.findById(id));
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		return this.transactions.execute((status) -> this.delegate.findByToken(token, tokenType));
	}

}
