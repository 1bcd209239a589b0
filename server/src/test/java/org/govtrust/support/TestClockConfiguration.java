package org.govtrust.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the system clock with a {@link MutableClock}, watches password hashing
 * ({@link PasswordHashWitness}), and lets a test step into calls to the identity authority
 * ({@link IdentityAuthorityHook}) and just after reads of a registration
 * ({@link RegistrationReadHook}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	@Bean
	static PasswordHashWitness passwordHashWitness() {
		return new PasswordHashWitness();
	}

	@Bean
	static IdentityAuthorityHook identityAuthorityHook() {
		return new IdentityAuthorityHook();
	}

	@Bean
	static RegistrationReadHook registrationReadHook() {
		return new RegistrationReadHook();
	}

}
