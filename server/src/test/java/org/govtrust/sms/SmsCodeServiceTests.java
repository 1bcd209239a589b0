package org.govtrust.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.govtrust.shared.error.TrustException;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.SecondNode;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SMS limits at their exact boundaries, counted in the database so that two application
 * contexts (two nodes) on one database share them.
 */
@GovTrustTest
class SmsCodeServiceTests {

	private static SecondNode secondNode;

	@Autowired
	SmsCodeService node1;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	SmsCodeService node2;

	final MobileNumber phone = new MobileNumber("19912345678");

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		if (secondNode == null) {
			secondNode = SecondNode.start(this.clock);
		}
		this.node2 = secondNode.bean(SmsCodeService.class);
	}

	@AfterAll
	static void stopSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	@Test
	void sendWhenSpecificationVectorAlternatesNodesThenExactBoundaries() {
		// domain-spec §3.3: offsets from the first send, and the expected result
		Object[][] vector = { { "PT0S", null }, { "PT30S", "SMS-2001" }, { "PT59S", "SMS-2001" }, { "PT1M", null },
				{ "PT2M", null }, { "PT3M", "SMS-2002" }, { "PT59M59S", "SMS-2002" }, { "PT1H", null },
				{ "PT1H1M", null }, { "PT1H2M", "SMS-2003" }, { "PT23H59M59S", "SMS-2003" }, { "PT24H", null },
				{ "PT24H0M1S", "SMS-2001" }, { "PT24H1M", null } };
		Instant first = this.clock.instant();
		for (int i = 0; i < vector.length; i++) {
			this.clock.set(first.plus(Duration.parse((String) vector[i][0])));
			SmsCodeService node = (i % 2 == 0) ? this.node1 : this.node2;
			String expected = (String) vector[i][1];
			String actual;
			try {
				node.send(this.phone, SmsPurpose.REGISTRATION, "scope", "203.0.113.1");
				actual = null;
			}
			catch (TrustException ex) {
				actual = ex.getErrorCode().code();
			}
			assertThat(actual).as("send at +%s", vector[i][0]).isEqualTo(expected);
		}
	}

	@Test
	void sendWhenLimitedThenSaysWhenTheNextCodeCanBeSent() {
		this.node1.send(this.phone, SmsPurpose.REGISTRATION, "scope", "203.0.113.1");
		this.clock.advance(Duration.ofSeconds(20));
		assertThatExceptionOfType(TrustException.class)
			.isThrownBy(() -> this.node2.send(this.phone, SmsPurpose.LOGIN, "scope", "203.0.113.2"))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(SmsError.LIMIT_MINUTE);
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(40));
			});
	}

	@Test
	void sendWhenAcceptedThenNextSendTimeIsReported() {
		CodeSent sent = this.node1.send(this.phone, SmsPurpose.REGISTRATION, "scope", "203.0.113.1");
		assertThat(sent.nextSendAt()).isEqualTo(MutableClock.START.plusSeconds(60));
		assertThat(sent.expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(5)));
		assertThat(sent.maskedPhone()).isEqualTo("199****5678");
	}

	@Test
	void sendWhenOneAddressAsksForManyPhonesThenAddressLimit() {
		for (int i = 0; i < 20; i++) {
			this.node1.send(new MobileNumber("1381234" + String.format("%04d", i)), SmsPurpose.REGISTRATION, "s",
					"198.51.100.7");
		}
		assertThatExceptionOfType(TrustException.class)
			.isThrownBy(() -> this.node2.send(new MobileNumber("13812349999"), SmsPurpose.REGISTRATION, "s",
					"198.51.100.7"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(SmsError.LIMIT_ADDRESS));
		this.node2.send(new MobileNumber("13812349999"), SmsPurpose.REGISTRATION, "s", "198.51.100.8");
	}

	@Test
	void sendWhenTwoNodesRaceForOnePhoneThenExactlyOneCodeGoesOut() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (SmsCodeService node : List.of(this.node1, this.node2, this.node1, this.node2)) {
				Callable<Boolean> send = () -> {
					start.await();
					try {
						node.send(this.phone, SmsPurpose.REGISTRATION, "scope", "203.0.113.1");
						return true;
					}
					catch (TrustException ex) {
						return false;
					}
				};
				results.add(pool.submit(send));
			}
			start.countDown();
			int sent = 0;
			for (Future<Boolean> result : results) {
				sent += result.get() ? 1 : 0;
			}
			assertThat(sent).isEqualTo(1);
			assertThat(this.jdbc.sql("SELECT count(*) FROM sms_send").query(Long.class).single()).isEqualTo(1L);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void verifyWhenCodeForAnotherPurposeOrFlowThenRefused() {
		this.node1.send(this.phone, SmsPurpose.REGISTRATION, "flow-1", "203.0.113.1");
		String code = this.jdbc.sql("SELECT message FROM sms_sim_outbox").query(String.class).single()
			.replaceAll("\\D*(\\d{6}).*", "$1");
		assertThatExceptionOfType(TrustException.class)
			.isThrownBy(() -> this.node2.verify(this.phone, SmsPurpose.LOGIN, "flow-1", code))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(SmsError.CODE_NONE));
		assertThatExceptionOfType(TrustException.class)
			.isThrownBy(() -> this.node2.verify(this.phone, SmsPurpose.REGISTRATION, "flow-2", code))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(SmsError.CODE_NONE));
		this.node2.verify(this.phone, SmsPurpose.REGISTRATION, "flow-1", code);
		assertThatExceptionOfType(TrustException.class)
			.isThrownBy(() -> this.node1.verify(this.phone, SmsPurpose.REGISTRATION, "flow-1", code))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(SmsError.CODE_NONE));
	}

	@Test
	void sendWhenGatewayRefusesThenNothingCounted() {
		MobileNumber undeliverable = new MobileNumber("13400001234");
		assertThatExceptionOfType(TrustException.class)
			.isThrownBy(() -> this.node1.send(undeliverable, SmsPurpose.REGISTRATION, "s", "203.0.113.1"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(SmsError.GATEWAY_UNAVAILABLE));
		assertThat(this.jdbc.sql("SELECT count(*) FROM sms_send").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM sms_code").query(Long.class).single()).isZero();
	}

	@Test
	void storedCodeIsNeverTheCodeItself() {
		this.node1.send(this.phone, SmsPurpose.REGISTRATION, "scope", "203.0.113.1");
		String code = this.jdbc.sql("SELECT message FROM sms_sim_outbox").query(String.class).single()
			.replaceAll("\\D*(\\d{6}).*", "$1");
		String stored = this.jdbc.sql("SELECT code_hash || phone_hash FROM sms_code").query(String.class).single();
		assertThat(stored).doesNotContain(code).doesNotContain("19912345678").hasSize(128);
	}


	@Test
	void purgeWhenSendsOlderThanEveryWindowThenOnlyTheyGo() {
		Instant first = this.clock.instant();
		this.node1.send(this.phone, SmsPurpose.REGISTRATION, "scope", "203.0.113.1");
		this.clock.set(first.plus(Duration.ofHours(47)));
		this.node1.send(new MobileNumber("13812345678"), SmsPurpose.REGISTRATION, "scope", "203.0.113.2");
		this.clock.set(first.plus(Duration.ofHours(49))); // the first is past two days, the second is not

		assertThat(this.node1.purgeExpiredSends()).isEqualTo(1);

		assertThat(this.jdbc.sql("SELECT sent_at FROM sms_send").query(java.time.OffsetDateTime.class).list())
			.extracting(java.time.OffsetDateTime::toInstant)
			.containsExactly(first.plus(Duration.ofHours(47)));
		// the limit locks of the first phone and address go with their last send
		assertThat(this.jdbc.sql("SELECT count(*) FROM sms_throttle_lock").query(Long.class).single()).isEqualTo(2);
		// and a later send to them locks and counts as before
		this.node1.send(this.phone, SmsPurpose.REGISTRATION, "scope", "203.0.113.1");
		assertThat(this.jdbc.sql("SELECT count(*) FROM sms_throttle_lock").query(Long.class).single()).isEqualTo(4);
	}

}
