package org.govtrust.login.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Growing delays after failed attempts: the first {@code freeFailures} cost nothing; then
 * each failure makes the next attempt wait {@code firstDelay}, doubling per further
 * failure up to {@code maxDelay}, counted from the last failure. A success clears the count.
 */
public final class GrowingDelayPolicy {

	private final int freeFailures;

	private final Duration firstDelay;

	private final Duration maxDelay;

	public GrowingDelayPolicy(int freeFailures, Duration firstDelay, Duration maxDelay) {
		this.freeFailures = freeFailures;
		this.firstDelay = firstDelay;
		this.maxDelay = maxDelay;
	}

	/**
	 * When the next attempt is allowed.
	 * @param failures the failures still counting, any order
	 * @param now the current time
	 * @return null when allowed now, otherwise the time it will be
	 */
	public @Nullable Instant lockedUntil(List<Instant> failures, Instant now) {
		if (failures.size() < this.freeFailures) {
			return null;
		}
		Instant last = failures.stream().max(Instant::compareTo).orElseThrow();
		Instant allowedAt = last.plus(delay(failures.size()));
		return allowedAt.isAfter(now) ? allowedAt : null;
	}

	/**
	 * The delay after a number of failures.
	 * @param failures the count, at least {@code freeFailures}
	 * @return the delay
	 */
	public Duration delay(int failures) {
		int doublings = Math.min(failures - this.freeFailures, 30);
		Duration delay = this.firstDelay.multipliedBy(1L << doublings);
		return delay.compareTo(this.maxDelay) > 0 ? this.maxDelay : delay;
	}

}
