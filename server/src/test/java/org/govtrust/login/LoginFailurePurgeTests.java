package org.govtrust.login;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.govtrust.login.persistence.LoginFailures;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoginService#purgeOldFailures()}: failed sign-ins go once no window counts them (24
 * hours for an account's growing delays, 15 minutes for an address), whoever they were for.
 */
@GovTrustTest
class LoginFailurePurgeTests {

	@Autowired
	LoginService logins;

	@Autowired
	LoginFailures failures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void failuresOlderThanEveryWindowAreForgotten() {
		Instant now = this.clock.instant();
		failedAt("address:old", now.minus(Duration.ofHours(25)));
		failedAt("unknown:old", now.minus(Duration.ofHours(24)).minusSeconds(1));
		failedAt("unknown:recent", now.minus(Duration.ofHours(23)));
		failedAt("address:recent", now.minus(Duration.ofMinutes(1)));

		this.logins.purgeOldFailures();

		assertThat(this.jdbc.sql("SELECT key_hash FROM lgn_failure ORDER BY key_hash").query(String.class).list())
			.containsExactly("address:recent", "unknown:recent");
		assertThat(this.jdbc.sql("SELECT min(failed_at) FROM lgn_failure").query(OffsetDateTime.class).single()
			.toInstant()).isEqualTo(now.minus(Duration.ofHours(23)));
	}

	private void failedAt(String key, Instant at) {
		this.failures.failed(this.failures.running(key, LoginService.PASSWORD, at));
	}

}
