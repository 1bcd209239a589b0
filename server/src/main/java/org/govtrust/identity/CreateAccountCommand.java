package org.govtrust.identity;

import org.jspecify.annotations.Nullable;

/**
 * The last step of a registration.
 *
 * @param password the new password
 * @param passwordConfirmation the password again (pages send it; APIs may leave it null)
 * @param loginName an optional custom login name
 */
public record CreateAccountCommand(@Nullable String password, @Nullable String passwordConfirmation,
		@Nullable String loginName) {

	@Override
	public String toString() {
		return "CreateAccountCommand[redacted]";
	}

}
