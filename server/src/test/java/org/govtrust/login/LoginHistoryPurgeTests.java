package org.govtrust.login;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.govtrust.login.persistence.LoginHistory;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoginService#purgeOldHistory()}: the login history is kept 180 days (the
 * Cybersecurity Law's six months at least), then forgotten, whoever it was for.
 */
@GovTrustTest
class LoginHistoryPurgeTests {

	@Autowired
	LoginService logins;

	@Autowired
	LoginHistory history;

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
	void entriesOlderThanTheRetentionAreForgotten() {
		Instant now = this.clock.instant();
		UUID someone = UUID.randomUUID();
		UUID another = UUID.randomUUID();
		recorded(someone, now.minus(Duration.ofDays(400)));
		recorded(another, now.minus(Duration.ofDays(180)).minusSeconds(1));
		recorded(someone, now.minus(Duration.ofDays(179)));
		recorded(another, now.minus(Duration.ofMinutes(1)));

		this.logins.purgeOldHistory();

		assertThat(this.history.recent(someone, 20)).singleElement()
			.satisfies((entry) -> assertThat(entry.at()).isEqualTo(now.minus(Duration.ofDays(179))));
		assertThat(this.history.recent(another, 20)).singleElement()
			.satisfies((entry) -> assertThat(entry.at()).isEqualTo(now.minus(Duration.ofMinutes(1))));
	}

	@Test
	void manyGoInBatches() {
		Instant now = this.clock.instant();
		UUID someone = UUID.randomUUID();
		for (int i = 0; i < 7; i++) {
			recorded(someone, now.minus(Duration.ofDays(200 + i)));
		}
		recorded(someone, now);

		assertThat(this.history.purgeBefore(now.minus(Duration.ofDays(180)), 3)).isEqualTo(7);

		assertThat(this.history.recent(someone, 20)).hasSize(1);
	}

	private void recorded(UUID principal, Instant at) {
		this.history.record(principal, LoginMethod.PASSWORD.name(), true, "192.168.*.*", "test", at);
	}

}
