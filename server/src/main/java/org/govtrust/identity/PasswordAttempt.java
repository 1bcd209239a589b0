package org.govtrust.identity;

import java.util.List;

import org.govtrust.identity.domain.Account;

/**
 * The accounts an identifier names, looked up once for one password sign-in: first the key
 * the attempt is counted under ({@link #throttleKey()}), then, once counted, the password
 * check ({@link AccountService#checkPassword(PasswordAttempt, String)}).
 */
public final class PasswordAttempt {

	private final List<Account> candidates;

	private final String throttleKey;

	PasswordAttempt(List<Account> candidates, String throttleKey) {
		this.candidates = List.copyOf(candidates);
		this.throttleKey = throttleKey;
	}

	/**
	 * The key login throttling counts this attempt's failures under: the account when the
	 * identifier means exactly one, otherwise a keyed hash of the identifier itself.
	 * @return the key
	 */
	public String throttleKey() {
		return this.throttleKey;
	}

	List<Account> candidates() {
		return this.candidates;
	}

}
