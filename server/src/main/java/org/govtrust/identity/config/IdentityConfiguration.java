package org.govtrust.identity.config;

import java.util.Map;

import org.govtrust.shared.security.HighEntropySecretEncoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id with the same strength as Keycloak's default (m = 7168 KiB,
 * t = 5, p = 1, 16-byte salt, 32-byte hash), behind a delegating encoder so the parameters
 * can be raised later and old hashes upgraded on login; computed by libsodium where the
 * machine has it ({@link Argon2Hashing}). Machine-generated app secrets use
 * SHA-256 instead ({@code {sha256}}): they are random, so a slow hash would only cost time.
 * No more argon2 hashes run at once than there are cores ({@link HashingLimit}).
 */
@Configuration(proxyBeanMethods = false)
@Import(IdentitySimulators.class)
class IdentityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder(IdentityProperties properties) {
		PasswordEncoder argon2 = new HashingLimit(new Argon2Hashing(properties.nativeArgon2()),
				Runtime.getRuntime().availableProcessors());
		// {sha256}: machine-generated 256-bit secrets (app secrets), see HighEntropySecretEncoder
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2, HighEntropySecretEncoder.ID, new HighEntropySecretEncoder()));
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return delegating.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return delegating.matches(rawPassword, encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				// an app secret must stay SHA-256: "upgrading" it to argon2 would make every grant slow
				return !encodedPassword.startsWith("{" + HighEntropySecretEncoder.ID + "}")
						&& delegating.upgradeEncoding(encodedPassword);
			}

		};
	}

}
