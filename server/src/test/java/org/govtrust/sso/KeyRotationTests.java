package org.govtrust.sso;

import java.time.Duration;

import org.govtrust.sso.persistence.SigningKeys;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyRotation#rotateIfDue()}, the scheduled rotation of the token-signing key.
 */
@GovTrustTest
class KeyRotationTests {

	@Autowired
	KeyRotation keyRotation;

	@Autowired
	SigningKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void noKeys() {
		this.clock.reset();
		this.jdbc.sql("DELETE FROM sso_signing_key").update();
	}

	@AfterEach
	void keysAsTheOtherTestsFindThem() {
		this.clock.reset();
		this.keys.reload();
	}

	@Test
	void createsTheFirstKeyWhenNoneWasMadeYet() {
		// a new installation that issued no token before the first scheduled run
		assertThat(this.keys.activeSince()).isNull();
		assertThat(this.keyRotation.rotateIfDue()).isTrue();
		assertThat(this.keys.activeSince()).isEqualTo(MutableClock.START);
		assertThat(activeKeys()).isEqualTo(1);
	}

	@Test
	void rotatesOnlyOnceTheActiveKeyIsOlderThanTheRotationPeriod() {
		String first = this.keyRotation.rotate();
		this.clock.advance(Duration.ofDays(29));
		assertThat(this.keyRotation.rotateIfDue()).isFalse();
		assertThat(this.keys.reload().active().getKeyID()).isEqualTo(first);

		this.clock.advance(Duration.ofDays(1).plusSeconds(1));
		assertThat(this.keyRotation.rotateIfDue()).isTrue();
		assertThat(this.keys.reload().active().getKeyID()).isNotEqualTo(first);
		assertThat(this.keys.activeSince()).isEqualTo(this.clock.instant());
		assertThat(activeKeys()).isEqualTo(1);
		// the retired key still verifies the tokens it signed
		assertThat(this.keys.current().knows(first)).isTrue();
	}

	private int activeKeys() {
		return this.jdbc.sql("SELECT count(*) FROM sso_signing_key WHERE retired_at IS NULL").query(Integer.class).single();
	}

}
