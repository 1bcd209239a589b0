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
import org.springframework.context.ApplicationEventPublisher;
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
		List<Instant> failures = this.attempts.personFailuresSince(idNumberHash,
				now.minus(this.properties.failedVerificationWindow()));
		int max = this.properties.maxFailedVerifications();
		if (failures.size() >= max) {
			Instant reopens = failures.get(failures.size() - max).plus(this.properties.failedVerificationWindow());
			throw TrustException.retryAfter(Duration.between(now, reopens), IdentityError.TOO_MANY_FAILED_VERIFICATIONS,
					DisplayTime.format(reopens));
		}
		AuthorityResult result;
		try {
			result = this.authority.verify(elements, faceImage);
		}
		finally {
			Arrays.fill(faceImage, (byte) 0);
		}
		this.transactions.executeWithoutResult((status) -> {
			this.attempts.record(idNumberHash, flow, VerificationMethod.FACE.name(), result.outcome(), now);
			if (result instanceof AuthorityResult.Verified verified) {
				onVerified.accept(verified.authorityReference());
			}
			this.events.publishEvent(new RealNameVerificationAttempted(flow, VerificationMethod.FACE, result.outcome(), now));
		});
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
