package org.govtrust.identity;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A staff account.
 *
 * @param id its id
 * @param loginName the login name
 * @param name the staff member's name
 * @param phone the masked phone for the second factor
 * @param roles the roles
 * @param location the counter or office, for clerks
 * @param active whether it can sign in
 */
public record StaffView(UUID id, String loginName, String name, String phone, Set<StaffRole> roles,
		@Nullable String location, boolean active) {

}
