package org.govtrust.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.govtrust.identity.config.IdentityProperties;
import org.govtrust.identity.persistence.VerificationAttempts;
import org.govtrust.identity.spi.AuthorityResult;
import org.govtrust.identity.spi.IdentityAuthority;
import org.govtrust.identity.spi.IdentityElements;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.time.DisplayTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One face verification with the identity authority, the same for registration,
 * activation, name and card changes and phone changes: the image is checked, passed on and
 * wiped, every outcome is recorded in the person's history and published, failed attempts
 * per person are limited, and each outcome becomes its own catalogue error.
 */
@Component
class FaceVerifier {

	private static final Logger logger = LoggerFactory.getLogger(FaceVerifier.class);

	/** How long an attempt waits for the answers to others that could use up the last tries. */
	static final Duration RUNNING_WAIT = Duration.ofSeconds(10);

	/**
	 * An attempt waiting longer than this for the authority has ended: its node stopped (an
	 * {@link IdentityAuthority} answers {@code Unavailable} well before, see its contract).
	 */
	static final Duration RUNNING_AT_MOST = Duration.ofMinutes(2);

	private final IdentityAuthority authority;

	private final VerificationAttempts attempts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final IdentityProperties properties;

	FaceVerifier(IdentityAuthority authority, VerificationAttempts attempts, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, IdentityProperties properties) {
		this.authority = authority;
		this.attempts = attempts;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Verifies a person.
	 * @param idNumberHash the person's keyed ID hash (for the history and the limit)
	 * @param flow the registration or account the attempt belongs to
	 * @param elements the four elements to check
	 * @param faceImage the image, wiped afterwards
	 * @param onVerified work to do in the transaction that records a success
	 * @return the authority's reference
	 */
	String verify(String idNumberHash, UUID flow, IdentityElements elements, byte @Nullable [] faceImage,
			java.util.function.Consumer<String> onVerified) {
		checkImage(faceImage);
		Instant now = this.clock.instant();
		// recorded (and committed) before the authority is asked, then checked against the
		// others: of two attempts at once at least one sees the other, so attempts sent together
		// get no more tries than attempts sent one after another
		long attempt = this.attempts.start(idNumberHash, flow, VerificationMethod.FACE.name(), now);
		List<Instant> failures;
		AuthorityResult result;
		try {
			failures = this.attempts.personFailuresSince(idNumberHash,
					now.minus(this.properties.failedVerificationWindow()));
			ensureTriesLeft(idNumberHash, attempt, failures, now);
			result = this.authority.verify(elements, faceImage);
		}
		catch (RuntimeException ex) {
			this.attempts.forget(attempt);
			throw ex;
		}
		finally {
			Arrays.fill(faceImage, (byte) 0);
		}
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.attempts.finish(attempt, result.outcome());
				if (result instanceof AuthorityResult.Verified verified) {
					onVerified.accept(verified.authorityReference());
				}
				this.events
					.publishEvent(new RealNameVerificationAttempted(flow, VerificationMethod.FACE, result.outcome(), now));
			});
		}
		catch (RuntimeException ex) { // the work on success failed: the authority's answer stays on record
			this.attempts.finish(attempt, result.outcome());
			throw ex;
		}
		int max = this.properties.maxFailedVerifications();
		if (result instanceof AuthorityResult.Verified verified) {
			return verified.authorityReference();
		}
		int attemptsLeft = Math.max(0, max - failures.size() - 1);
		if (result instanceof AuthorityResult.ElementsMismatch) {
			throw new TrustException(IdentityError.ELEMENTS_MISMATCH, attemptsLeft);
		}
		if (result instanceof AuthorityResult.FaceMismatch) {
			throw new TrustException(IdentityError.FACE_MISMATCH, attemptsLeft);
		}
		if (result instanceof AuthorityResult.LivenessFailed) {
			throw new TrustException(IdentityError.LIVENESS_FAILED, attemptsLeft);
		}
		if (result instanceof AuthorityResult.Busy busy) {
			throw TrustException.retryAfter(busy.retryAfter(), IdentityError.AUTHORITY_BUSY, busy.retryAfter().toSeconds());
		}
		throw TrustException.retryAfter(Duration.ofMinutes(5), IdentityError.AUTHORITY_UNAVAILABLE);
	}

	/**
	 * Ends the attempts whose server stopped while the authority was asked (a restart, a
	 * crash), which would otherwise stay "in progress" for good, to clerks and in the audit
	 * trail. Each is marked interrupted and published like any other outcome; it does not
	 * count towards the limit on failed attempts. An answer that still arrives later replaces
	 * the mark (and is published too). Every five minutes; when several nodes run this at once,
	 * each attempt is marked and published by one of them.
	 * @return how many attempts this call marked
	 */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	public int markInterrupted() {
		Instant before = this.clock.instant().minus(RUNNING_AT_MOST);
		int marked = 0;
		for (VerificationAttempts.Running attempt : this.attempts.runningBefore(VerificationMethod.FACE.name(), before,
				500)) {
			Boolean changed = this.transactions.execute((status) -> {
				if (!this.attempts.interrupt(attempt.id())) {
					return false;
				}
				this.events.publishEvent(new RealNameVerificationAttempted(attempt.flow(), VerificationMethod.FACE,
						VerificationAttempts.INTERRUPTED, attempt.at()));
				return true;
			});
			if (Boolean.TRUE.equals(changed)) {
				marked++;
			}
		}
		if (marked > 0) {
			logger.info("Marked {} face verification attempts interrupted (their server stopped before the authority answered)",
					marked);
		}
		return marked;
	}

	/**
	 * Pauses online verification after too many failures; an attempt that would be over the
	 * limit only if the person's attempts still waiting for the authority failed waits a few
	 * seconds for their answer.
	 */
	private void ensureTriesLeft(String idNumberHash, long attempt, List<Instant> failures, Instant now) {
		int max = this.properties.maxFailedVerifications();
		Instant reopens = null;
		if (failures.size() >= max) {
			reopens = failures.get(failures.size() - max).plus(this.properties.failedVerificationWindow());
		}
		else if (failures.size() + this.attempts.runningSince(idNumberHash, now.minus(RUNNING_AT_MOST), attempt) >= max) {
			reopens = now.plus(RUNNING_WAIT);
		}
		if (reopens != null) {
			throw TrustException.retryAfter(Duration.between(now, reopens), IdentityError.TOO_MANY_FAILED_VERIFICATIONS,
					DisplayTime.format(reopens));
		}
	}

	private void checkImage(byte @Nullable [] image) {
		if (image == null || image.length == 0) {
			throw TrustException.forField("faceImage", IdentityError.FACE_IMAGE_REQUIRED);
		}
		if (image.length > this.properties.faceImageMaxBytes()) {
			throw TrustException.forField("faceImage", IdentityError.FACE_IMAGE_SIZE,
					this.properties.faceImageMaxBytes() / (1024 * 1024));
		}
		boolean jpeg = image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8
				&& (image[2] & 0xff) == 0xff;
		boolean png = image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N'
				&& image[3] == 'G';
		if (!jpeg && !png) {
			throw TrustException.forField("faceImage", IdentityError.FACE_IMAGE_FORMAT);
		}
	}

}
