package org.govtrust.sms.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.govtrust.sms.config.SmsProperties.SendLimit;
import org.jspecify.annotations.Nullable;

/**
 * Sliding-window send limits: to send at {@code now}, count the earlier successful sends
 * newer than {@code now - window} for each window; refuse when any count already reached
 * its maximum. A refused request does not count. The earliest moment the refusal lifts is
 * when the oldest send that fills the window leaves it.
 */
public final class SendWindowPolicy {

	private final List<SendLimit> limits;

	public SendWindowPolicy(List<SendLimit> limits) {
		this.limits = limits.stream().sorted(Comparator.comparing(SendLimit::window)).toList();
	}

	/**
	 * Decides whether a send is allowed.
	 * @param previousSends earlier successful sends (any order; older ones are ignored)
	 * @param now the time of the send
	 * @return null when allowed, otherwise the refusal
	 */
	public @Nullable Refusal evaluate(List<Instant> previousSends, Instant now) {
		Refusal strictest = null;
		for (int i = 0; i < this.limits.size(); i++) {
			SendLimit limit = this.limits.get(i);
			Instant windowStart = now.minus(limit.window());
			List<Instant> inWindow = previousSends.stream().filter((sent) -> sent.isAfter(windowStart)).sorted().toList();
			if (inWindow.size() >= limit.max()) {
				// the send that has to leave the window for a new one to fit
				Instant blocking = inWindow.get(inWindow.size() - limit.max());
				Instant allowedAt = blocking.plus(limit.window());
				if (strictest == null || allowedAt.isAfter(strictest.allowedAt())) {
					strictest = new Refusal(i, limit, allowedAt);
				}
			}
		}
		return strictest;
	}

	/**
	 * The earliest time a further send would be allowed, counting a send made at {@code now}.
	 * @param previousSends earlier sends
	 * @param now the send just made
	 * @return the next allowed time
	 */
	public Instant nextAllowedAfterSend(List<Instant> previousSends, Instant now) {
		List<Instant> all = new java.util.ArrayList<>(previousSends);
		all.add(now);
		Instant candidate = now;
		Refusal refusal;
		// a fixed point: moving to the allowed time of one window can never re-enter it
		while ((refusal = evaluate(all, candidate)) != null) {
			candidate = refusal.allowedAt();
		}
		return candidate;
	}

	/**
	 * A refused send.
	 *
	 * @param index the position of the limit, shortest window first
	 * @param limit the limit that refused
	 * @param allowedAt when a send will be allowed again
	 */
	public record Refusal(int index, SendLimit limit, Instant allowedAt) {

		public Duration waitFrom(Instant now) {
			return Duration.between(now, this.allowedAt);
		}

	}

}
