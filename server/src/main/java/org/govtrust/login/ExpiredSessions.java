package org.govtrust.login;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions that timed out, every minute, in place of Spring Session's own clean-up
 * (turned off: {@code spring.session.jdbc.cleanup-cron: "-"}), which deletes them without a
 * word. A signed-in session that times out is a sign-out like any other: the apps signed in to
 * through it are told over the back channel and their tokens revoked ({@link SignedOut}),
 * where they would otherwise have kept them until they expired. Each expired session is
 * deleted on its own, and only while it is still expired, so of several nodes running this at
 * once only the one that deleted it announces it; expired sessions nobody signed in on are
 * deleted in one statement.
 */
@Component
public class ExpiredSessions {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredSessions.class);

	private final JdbcClient jdbc;

	private final SessionService sessions;

	private final DeserializingConverter attributes = new DeserializingConverter();

	ExpiredSessions(JdbcClient jdbc, SessionService sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	public void endExpired() {
		long now = System.currentTimeMillis(); // Spring Session's clock, which set expiry_time
		List<Expired> expired = this.jdbc.sql("""
				SELECT s.primary_id, s.session_id, s.principal_name, a.attribute_bytes
				FROM spring_session s LEFT JOIN spring_session_attributes a
				ON a.session_primary_id = s.primary_id AND a.attribute_name = :earlierIds
				WHERE s.expiry_time < :now AND s.principal_name IS NOT NULL""")
			.param("earlierIds", SessionService.EARLIER_IDS)
			.param("now", now)
			.query((row, number) -> new Expired(row.getString(1), row.getString(2).trim(), row.getString(3),
					row.getBytes(4)))
			.list();
		int ended = 0;
		for (Expired session : expired) {
			int deleted = this.jdbc.sql("DELETE FROM spring_session WHERE primary_id = :id AND expiry_time < :now")
				.param("id", session.primaryId())
				.param("now", now)
				.update();
			if (deleted == 1) {
				this.sessions.signedOut(session.principal(), session.id(), earlierIds(session.earlierIds()));
				ended++;
			}
		}
		int anonymous = this.jdbc.sql("DELETE FROM spring_session WHERE expiry_time < :now AND principal_name IS NULL")
			.param("now", now)
			.update();
		if (ended + anonymous > 0) {
			logger.info("Ended {} timed-out signed-in sessions and {} others", ended, anonymous);
		}
	}

	private @Nullable Object earlierIds(byte @Nullable [] bytes) {
		try {
			return (bytes == null) ? null : this.attributes.convert(bytes);
		}
		catch (RuntimeException ex) { // unreadable: the session's current id still ends its apps
			return null;
		}
	}

	/** An expired session, with its {@link SessionService#EARLIER_IDS} attribute as stored. */
	private record Expired(String primaryId, String id, String principal, byte @Nullable [] earlierIds) {
	}

}
