package org.govtrust.login.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC, as GovTrust uses it.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * A session read after it timed out is not found, and is left for
	 * {@code login.ExpiredSessions} to end: Spring Session's repository would delete it there
	 * and then, without a word, so a browser coming back within the minute after its session
	 * timed out kept that session's apps signed in. The query is Spring Session's own, with the
	 * expiry compared on the database's clock (in milliseconds, as Spring Session stores it).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> expiredSessionsNotFound() {
		return (repository) -> repository.setGetSessionQuery("""
				SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
				SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
				FROM %TABLE_NAME% S
				LEFT JOIN %TABLE_NAME%_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
				WHERE S.SESSION_ID = ? AND S.EXPIRY_TIME >= EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000
				""");
	}

}
