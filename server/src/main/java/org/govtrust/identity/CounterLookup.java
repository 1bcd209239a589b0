package org.govtrust.identity;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a counter clerk sees about a person: never the authority's data, only the outcomes.
 *
 * @param idNumber the masked ID number
 * @param account the account, if any
 * @param registration the newest open registration, if any
 * @param attempts the verification history (method, outcome, time), newest first
 * @param counterVerificationUntil until when an earlier in-person verification can still be
 * used for online registration, if one is pending
 */
public record CounterLookup(String idNumber, @Nullable AccountView account, @Nullable RegistrationView registration,
		List<Attempt> attempts, @Nullable Instant counterVerificationUntil) {

	/**
	 * One verification attempt.
	 *
	 * @param method how
	 * @param outcome the outcome code
	 * @param at when
	 */
	public record Attempt(String method, String outcome, Instant at) {
	}

}
