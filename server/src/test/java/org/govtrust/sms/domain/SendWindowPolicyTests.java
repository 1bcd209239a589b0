package org.govtrust.sms.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.govtrust.sms.config.SmsProperties.SendLimit;
import org.govtrust.sms.domain.SendWindowPolicy.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SendWindowPolicy}: the sliding-window vector of domain-spec §3.3 with the
 * seed app's per-phone limits (1 per minute, 3 per hour, 5 per 24 hours).
 */
class SendWindowPolicyTests {

	private static final SendLimit PER_MINUTE = new SendLimit(Duration.ofMinutes(1), 1);

	private static final SendLimit PER_HOUR = new SendLimit(Duration.ofHours(1), 3);

	private static final SendLimit PER_DAY = new SendLimit(Duration.ofHours(24), 5);

	private static final Instant FIRST = Instant.parse("2026-11-02T08:00:00Z");

	private final SendWindowPolicy policy = new SendWindowPolicy(List.of(PER_MINUTE, PER_HOUR, PER_DAY));

	/**
	 * One row of the vector: offset from the first send, the limit that refuses (null for a
	 * send), and when the refusal lifts.
	 */
	private record Step(String offset, SendLimit refusedBy, String allowedAt) {

		static Step send(String offset) {
			return new Step(offset, null, null);
		}

		static Step reject(String offset, SendLimit limit, String allowedAt) {
			return new Step(offset, limit, allowedAt);
		}

	}

	@Test
	void evaluateWhenSpecVectorReplayedThenSendsAndRefusalsAsSpecified() {
		List<Step> vector = List.of(Step.send("00:00:00"), Step.reject("00:00:30", PER_MINUTE, "00:01:00"),
				Step.reject("00:00:59", PER_MINUTE, "00:01:00"), Step.send("00:01:00"), Step.send("00:02:00"),
				Step.reject("00:03:00", PER_HOUR, "01:00:00"), Step.reject("00:59:59", PER_HOUR, "01:00:00"),
				// the 00:00 send has left the hour
				Step.send("01:00:00"),
				// 5th in 24 h
				Step.send("01:01:00"), Step.reject("01:02:00", PER_DAY, "1d 00:00:00"),
				Step.reject("23:59:59", PER_DAY, "1d 00:00:00"), Step.send("1d 00:00:00"),
				Step.reject("1d 00:00:01", PER_MINUTE, "1d 00:01:00"), Step.send("1d 00:01:00"));
		List<Instant> sent = new ArrayList<>();
		for (Step step : vector) {
			Instant now = at(step.offset());
			Refusal refusal = this.policy.evaluate(sent, now);
			if (step.refusedBy() == null) {
				assertThat(refusal).as("send at %s", step.offset()).isNull();
				sent.add(now);
			}
			else {
				assertThat(refusal).as("refusal at %s", step.offset()).isNotNull();
				assertThat(refusal.limit()).as("limit refusing at %s", step.offset()).isEqualTo(step.refusedBy());
				assertThat(refusal.allowedAt()).as("allowed-at of refusal at %s", step.offset())
					.isEqualTo(at(step.allowedAt()));
				assertThat(refusal.waitFrom(now)).isEqualTo(Duration.between(now, at(step.allowedAt())));
			}
		}
		assertThat(sent).containsExactly(at("00:00:00"), at("00:01:00"), at("00:02:00"), at("01:00:00"),
				at("01:01:00"), at("1d 00:00:00"), at("1d 00:01:00"));
	}

	@Test
	void evaluateWhenRefusedThenIndexIsPositionOfLimitShortestWindowFirst() {
		SendWindowPolicy unordered = new SendWindowPolicy(List.of(PER_DAY, PER_MINUTE, PER_HOUR));
		List<Instant> sent = List.of(at("00:00:00"), at("00:01:00"), at("00:02:00"));
		assertThat(unordered.evaluate(sent, at("00:02:30"))).isEqualTo(new Refusal(1, PER_HOUR, at("01:00:00")));
		assertThat(unordered.evaluate(List.of(at("00:00:00")), at("00:00:10")))
			.isEqualTo(new Refusal(0, PER_MINUTE, at("00:01:00")));
		List<Instant> five = List.of(at("00:00:00"), at("00:01:00"), at("00:02:00"), at("01:00:00"), at("01:01:00"));
		assertThat(unordered.evaluate(five, at("02:00:00"))).isEqualTo(new Refusal(2, PER_DAY, at("1d 00:00:00")));
	}

	@Test
	void evaluateWhenSeveralLimitsRefuseThenLatestAllowedAtWins() {
		// at 01:01:30 the minute window lifts at 01:02:00, the day window only after 24 h
		List<Instant> five = List.of(at("00:00:00"), at("00:01:00"), at("00:02:00"), at("01:00:00"), at("01:01:00"));
		assertThat(this.policy.evaluate(five, at("01:01:30"))).isEqualTo(new Refusal(2, PER_DAY, at("1d 00:00:00")));
	}

	@Test
	void evaluateWhenSendsUnorderedThenSameResult() {
		List<Instant> ordered = List.of(at("00:00:00"), at("00:01:00"), at("00:02:00"), at("01:00:00"), at("01:01:00"));
		List<Instant> shuffled = List.of(at("01:00:00"), at("00:02:00"), at("01:01:00"), at("00:00:00"), at("00:01:00"));
		assertThat(this.policy.evaluate(shuffled, at("05:00:00")))
			.isEqualTo(this.policy.evaluate(ordered, at("05:00:00")))
			.isEqualTo(new Refusal(2, PER_DAY, at("1d 00:00:00")));
	}

	@Test
	void evaluateWhenSendExactlyOneWindowAgoThenItNoLongerCounts() {
		assertThat(this.policy.evaluate(List.of(at("00:00:00")), at("00:01:00"))).isNull();
		assertThat(this.policy.evaluate(List.of(at("00:00:00")), at("00:00:59.999"))).isNotNull();
	}

	@Test
	void evaluateWhenMoreSendsInWindowThanAllowedThenWaitsUntilEnoughHaveLeft() {
		// e.g. sends recorded before the limit was lowered: 7 in the day, 5 allowed
		List<Instant> seven = IntStream.range(0, 7).mapToObj((hour) -> FIRST.plus(Duration.ofHours(hour))).toList();
		// a new send fits once the third-oldest (02:00) has left the day
		assertThat(this.policy.evaluate(seven, at("10:00:00"))).isEqualTo(new Refusal(2, PER_DAY, at("1d 02:00:00")));
		assertThat(this.policy.evaluate(seven, at("1d 02:00:00"))).isNull();
	}

	@Test
	void evaluateWhenNoPreviousSendsThenAllowed() {
		assertThat(this.policy.evaluate(List.of(), FIRST)).isNull();
	}

	@Test
	void evaluateWhenOnlyOldSendsThenAllowed() {
		List<Instant> old = List.of(at("00:00:00"), at("00:01:00"), at("00:02:00"), at("01:00:00"), at("01:01:00"));
		assertThat(this.policy.evaluate(old, at("1d 01:01:00"))).isNull();
	}

	@Test
	void nextAllowedAfterSendWhenFirstSendThenOneMinuteLater() {
		assertThat(this.policy.nextAllowedAfterSend(List.of(), at("00:00:00"))).isEqualTo(at("00:01:00"));
	}

	@Test
	void nextAllowedAfterSendWhenThirdSendInHourThenWhenFirstLeavesTheHour() {
		assertThat(this.policy.nextAllowedAfterSend(List.of(at("00:00:00"), at("00:01:00")), at("00:02:00")))
			.isEqualTo(at("01:00:00"));
	}

	@Test
	void nextAllowedAfterSendWhenFifthSendInDayThenWhenFirstLeavesTheDay() {
		List<Instant> four = List.of(at("00:00:00"), at("00:01:00"), at("00:02:00"), at("01:00:00"));
		assertThat(this.policy.nextAllowedAfterSend(four, at("01:01:00"))).isEqualTo(at("1d 00:00:00"));
	}

	@Test
	void nextAllowedAfterSendWhenDayWindowFullAgainThenWhenSecondLeavesTheDay() {
		List<Instant> five = List.of(at("00:00:00"), at("00:01:00"), at("00:02:00"), at("01:00:00"), at("01:01:00"));
		assertThat(this.policy.nextAllowedAfterSend(five, at("1d 00:00:00"))).isEqualTo(at("1d 00:01:00"));
	}

	@Test
	void nextAllowedAfterSendWhenReplayingSpecVectorThenEveryEarlierAttemptIsRefusedAndTheNextIsAllowed() {
		List<String> sends = List.of("00:00:00", "00:01:00", "00:02:00", "01:00:00", "01:01:00", "1d 00:00:00",
				"1d 00:01:00");
		List<String> expectedNext = List.of("00:01:00", "00:02:00", "01:00:00", "01:01:00", "1d 00:00:00",
				"1d 00:01:00", "1d 00:02:00");
		List<Instant> sent = new ArrayList<>();
		for (int i = 0; i < sends.size(); i++) {
			Instant now = at(sends.get(i));
			Instant next = this.policy.nextAllowedAfterSend(sent, now);
			assertThat(next).as("next after %s", sends.get(i)).isEqualTo(at(expectedNext.get(i)));
			sent.add(now);
			assertThat(this.policy.evaluate(sent, next)).as("allowed at %s", expectedNext.get(i)).isNull();
			assertThat(this.policy.evaluate(sent, next.minusSeconds(1))).as("refused just before").isNotNull();
		}
	}

	@Test
	void nextAllowedAfterSendWhenMinuteLiftsIntoFullHourThenWaitsForTheHour() {
		// the minute window lifts at 00:31, but the hour stays full until the 00:00 send leaves it
		List<Instant> previous = List.of(at("00:00:00"), at("00:10:00"));
		assertThat(this.policy.nextAllowedAfterSend(previous, at("00:30:00"))).isEqualTo(at("01:00:00"));
	}

	private static Instant at(String offset) {
		Duration days = Duration.ZERO;
		String time = offset;
		if (offset.startsWith("1d ")) {
			days = Duration.ofDays(1);
			time = offset.substring(3);
		}
		String[] parts = time.split(":");
		Duration duration = days.plusHours(Long.parseLong(parts[0]))
			.plusMinutes(Long.parseLong(parts[1]))
			.plus(Duration.ofMillis(Math.round(Double.parseDouble(parts[2]) * 1000)));
		return FIRST.plus(duration);
	}

}
