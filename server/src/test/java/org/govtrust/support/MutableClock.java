package org.govtrust.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests set and advance; time never moves by itself.
 */
public final class MutableClock extends Clock {

	/** The instant every test starts from: 2026-11-22 10:00 Beijing time. */
	public static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

	private volatile Instant now = START;

	public void reset() {
		this.now = START;
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
