package org.govtrust.identity.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.govtrust.identity.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A staff member's account: a login name, a password and a phone for the second factor.
 */
@Table("idn_staff")
public class Staff {

	@Id
	private final UUID id;

	@Version
	private @Nullable Integer version;

	private final String loginName;

	private final String name;

	private final String phoneCipher;

	private final String phoneHash;

	private final String phoneMasked;

	private String passwordHash;

	private final String roles;

	private final @Nullable String location;

	private boolean active;

	private final Instant createdAt;

	Staff(UUID id, @Nullable Integer version, String loginName, String name, String phoneCipher, String phoneHash,
			String phoneMasked, String passwordHash, String roles, @Nullable String location, boolean active,
			Instant createdAt) {
		this.id = id;
		this.version = version;
		this.loginName = loginName;
		this.name = name;
		this.phoneCipher = phoneCipher;
		this.phoneHash = phoneHash;
		this.phoneMasked = phoneMasked;
		this.passwordHash = passwordHash;
		this.roles = roles;
		this.location = location;
		this.active = active;
		this.createdAt = createdAt;
	}

	public static Staff create(UUID id, String loginName, String name, ProtectedValue phone, String passwordHash,
			Set<StaffRole> roles, @Nullable String location, Instant now) {
		String joined = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		return new Staff(id, null, loginName, name, phone.cipher(), phone.hash(), phone.masked(), passwordHash, joined,
				location, true, now);
	}

	public Set<StaffRole> roleSet() {
		Set<StaffRole> set = EnumSet.noneOf(StaffRole.class);
		Arrays.stream(this.roles.split(",")).filter((role) -> !role.isBlank()).map(StaffRole::valueOf).forEach(set::add);
		return set;
	}

	public UUID getId() {
		return this.id;
	}

	public String getLoginName() {
		return this.loginName;
	}

	public String getName() {
		return this.name;
	}

	public String getPhoneCipher() {
		return this.phoneCipher;
	}

	public String getPhoneMasked() {
		return this.phoneMasked;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public @Nullable String getLocation() {
		return this.location;
	}

	public boolean isActive() {
		return this.active;
	}

}
