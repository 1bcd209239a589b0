package org.govtrust.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A new staff account.
 *
 * @param loginName the login name
 * @param name the name
 * @param phone the mobile number for the SMS second factor
 * @param password the initial password
 * @param roles the roles
 * @param location the counter or office (clerks)
 */
public record CreateStaffCommand(@Nullable String loginName, @Nullable String name, @Nullable String phone,
		@Nullable String password, @Nullable Set<StaffRole> roles, @Nullable String location) {

	@Override
	public String toString() {
		return "CreateStaffCommand[" + this.loginName + ", " + this.roles + "]";
	}

}
