package org.govtrust.sms.adapter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.govtrust.shared.Simulator;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.sms.MobileNumber;
import org.govtrust.sms.spi.SmsSender;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SMS gateway simulator: instead of a phone, messages land in an outbox table that a
 * developer reads at {@code /simulator/sms-outbox} and a test reads through
 * {@code /api/v1/simulator/sms-outbox}. Active only with
 * {@code govtrust.simulators.enabled=true} (the default profile), refused by {@code prod}.
 * Numbers starting {@code 1340000} simulate a gateway that refuses delivery.
 */
@Simulator
public class SimulatedSmsSender implements SmsSender {

	/** Numbers with this prefix make the simulated gateway fail. */
	static final String UNDELIVERABLE_PREFIX = "1340000";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	SimulatedSmsSender(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	public void send(MobileNumber to, String text) {
		if (to.national().startsWith(UNDELIVERABLE_PREFIX)) {
			throw new org.govtrust.sms.spi.SmsDeliveryException("simulated gateway refused the number");
		}
		this.jdbc.sql("""
				INSERT INTO sms_sim_outbox (phone_hash, phone_masked, message, sent_at)
				VALUES (:hash, :masked, :message, :at)""")
			.param("hash", this.cipher.lookupHash("phone", to.national()))
			.param("masked", to.masked())
			.param("message", text)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

}
