package org.govtrust.identity.config;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id with the same strength as Keycloak's default (m = 7168 KiB,
 * t = 5, p = 1, 16-byte salt, 32-byte hash), behind a delegating encoder so the parameters
 * can be raised later and old hashes upgraded on login.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 7168, 5);
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
	}

}
