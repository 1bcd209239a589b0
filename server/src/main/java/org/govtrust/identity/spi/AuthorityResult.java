package org.govtrust.identity.spi;

import java.time.Duration;

/**
 * What the identity authority answered. Each outcome leads the person to a different next
 * step, so they are kept apart.
 */
public sealed interface AuthorityResult permits AuthorityResult.Verified, AuthorityResult.ElementsMismatch,
		AuthorityResult.FaceMismatch, AuthorityResult.LivenessFailed, AuthorityResult.Busy,
		AuthorityResult.Unavailable {

	/**
	 * The stable outcome name recorded in the verification history.
	 * @return the name
	 */
	String outcome();

	/**
	 * @param authorityReference the authority's serial number for this check (业务流水号)
	 */
	record Verified(String authorityReference) implements AuthorityResult {
		public String outcome() {
			return "VERIFIED";
		}
	}

	/** The four elements do not match the authority's record (核验数据缺失/不一致). */
	record ElementsMismatch() implements AuthorityResult {
		public String outcome() {
			return "ELEMENTS_MISMATCH";
		}
	}

	/** The face does not match the authority's photo. */
	record FaceMismatch() implements AuthorityResult {
		public String outcome() {
			return "FACE_MISMATCH";
		}
	}

	/** The image did not pass the liveness check (photo of a photo, screen, mask). */
	record LivenessFailed() implements AuthorityResult {
		public String outcome() {
			return "LIVENESS_FAILED";
		}
	}

	/**
	 * The authority is overloaded (公安实名系统繁忙).
	 * @param retryAfter a sensible wait
	 */
	record Busy(Duration retryAfter) implements AuthorityResult {
		public String outcome() {
			return "AUTHORITY_BUSY";
		}
	}

	/** The authority could not be reached or failed. */
	record Unavailable() implements AuthorityResult {
		public String outcome() {
			return "AUTHORITY_UNAVAILABLE";
		}
	}

}
