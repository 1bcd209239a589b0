package org.govtrust.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking a password for an identifier. Callers show every failure with the
 * same words; the reason is for the audit trail only.
 */
public sealed interface PasswordCheck permits PasswordCheck.Success, PasswordCheck.Failure,
		PasswordCheck.PendingActivation {

	/**
	 * The password is right and the account active.
	 * @param account the account
	 */
	record Success(AccountView account) implements PasswordCheck {
	}

	/**
	 * Wrong identifier, wrong password or a deactivated account.
	 * @param accountId the account when exactly one matched, for lockouts and audit
	 * @param reason why, for the audit trail
	 */
	record Failure(@Nullable UUID accountId, String reason) implements PasswordCheck {
	}

	/**
	 * The identifier belongs to a migrated account that is not activated yet.
	 * @param accountId the account
	 */
	record PendingActivation(UUID accountId) implements PasswordCheck {
	}

}
