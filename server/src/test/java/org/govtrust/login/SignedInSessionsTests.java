package org.govtrust.login;

import java.time.Duration;
import java.time.Instant;

import org.govtrust.support.GovTrustTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session registry reads sessions from the session table as Spring's registry would find
 * them through the session repository: the same sessions, named by the same principal.
 */
@GovTrustTest
class SignedInSessionsTests {

	@Autowired
	SignedInSessions registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> repository;

	@Test
	void sessionIsFoundByIdWithItsPrincipalUntilItExpires() {
		Session signedIn = saved("person-" + System.nanoTime(), Instant.now());
		Session anonymous = saved(null, Instant.now());
		Session expired = saved("person-" + System.nanoTime(), Instant.now().minus(Duration.ofHours(2)));

		SessionInformation found = this.registry.getSessionInformation(signedIn.getId());
		assertThat(found).isNotNull();
		assertThat(found.getSessionId()).isEqualTo(signedIn.getId());
		assertThat(found.getPrincipal())
			.isEqualTo(signedIn.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME));
		assertThat(found.getLastRequest().toInstant().toEpochMilli())
			.isEqualTo(signedIn.getLastAccessedTime().toEpochMilli());
		assertThat(found.isExpired()).isFalse();

		SessionInformation nobody = this.registry.getSessionInformation(anonymous.getId());
		assertThat(nobody).isNotNull();
		assertThat(nobody.getPrincipal()).isEqualTo("");

		// still in the table (Spring Session deletes an expired session only when it is looked up)
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id")
			.param("id", expired.getId())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.registry.getSessionInformation(expired.getId())).isNull();
		assertThat(this.registry.getSessionInformation("no-such-session")).isNull();
	}

	@Test
	void personsSessionsAreListedWithoutTheExpiredOnes() {
		String person = "person-" + System.nanoTime();
		Session first = saved(person, Instant.now());
		Session second = saved(person, Instant.now());
		saved(person, Instant.now().minus(Duration.ofHours(2)));

		assertThat(this.registry.getAllSessions(person, false)).extracting(SessionInformation::getSessionId)
			.containsExactlyInAnyOrder(first.getId(), second.getId());
	}

	@SuppressWarnings("unchecked")
	private FindByIndexNameSessionRepository<Session> sessions() {
		return (FindByIndexNameSessionRepository<Session>) this.repository;
	}

	private Session saved(String principal, Instant lastAccess) {
		Session session = sessions().createSession();
		if (principal != null) {
			session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
		}
		session.setMaxInactiveInterval(Duration.ofMinutes(30));
		session.setLastAccessedTime(lastAccess);
		sessions().save(session);
		return session;
	}

}
