package org.govtrust.sso;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, every hour, the authorizations nothing can use any more and no sign-out will come
 * for: those not tied to a browser session (a department back-end's client-credentials grant,
 * an app's grant from before sessions were recorded) without an ID token, once every code and
 * token they hold has expired. Each client-credentials grant is one such row, so without this
 * the table and its token index would grow with every grant for ever.
 * <p>
 * An authorization granted in a browser session ({@link BackChannelLogout#SID_ATTRIBUTE}), or
 * holding an ID token, stays until that session ends, however old its tokens: its app may
 * still be signed in on its own session and must then be told ({@link BackChannelLogout}
 * revokes and deletes it). A token found by nothing is inactive, as an expired one is, so
 * introspection, userinfo and refresh answer as before.
 */
@Component
public class FinishedAuthorizations {

	private static final Logger logger = LoggerFactory.getLogger(FinishedAuthorizations.class);

	/** Rows a transaction deletes: a long purge never holds many locks at once. */
	static final int BATCH = 500;

	private static final String FINISHED = """
			SELECT id FROM oauth2_authorization
			WHERE id > :after AND (attributes IS NULL OR attributes NOT LIKE :sid) AND oidc_id_token_value IS NULL
			AND COALESCE(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
				user_code_expires_at, device_code_expires_at) IS NOT NULL
			AND (authorization_code_expires_at IS NULL OR authorization_code_expires_at < :now)
			AND (access_token_expires_at IS NULL OR access_token_expires_at < :now)
			AND (refresh_token_expires_at IS NULL OR refresh_token_expires_at < :now)
			AND (user_code_expires_at IS NULL OR user_code_expires_at < :now)
			AND (device_code_expires_at IS NULL OR device_code_expires_at < :now)
			ORDER BY id LIMIT :batch""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FinishedAuthorizations(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Deletes the finished authorizations and their token index entries, a batch a transaction.
	 * The batches go through the table once, in the order of its primary key, each starting
	 * after the last one found: the rows still in use are read once a purge, not once a batch.
	 * @return how many were deleted
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public int purge() {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int deleted = 0;
		String after = "";
		List<String> ids;
		do {
			ids = this.jdbc.sql(FINISHED)
				.param("after", after)
				.param("sid", "%\"" + BackChannelLogout.SID_ATTRIBUTE + "\"%")
				.param("now", now)
				.param("batch", BATCH)
				.query(String.class)
				.list();
			if (!ids.isEmpty()) {
				List<String> batch = ids;
				this.transactions.executeWithoutResult((status) -> {
					this.jdbc.sql("DELETE FROM sso_token_index WHERE authorization_id IN (:ids)").param("ids", batch).update();
					this.jdbc.sql("DELETE FROM oauth2_authorization WHERE id IN (:ids)").param("ids", batch).update();
				});
				deleted += ids.size();
				after = ids.get(ids.size() - 1);
			}
		}
		while (ids.size() == BATCH);
		if (deleted > 0) {
			logger.info("Deleted {} finished authorizations (every code and token expired, no session to end)", deleted);
		}
		return deleted;
	}

}
