package org.govtrust.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Watches the application's password encoder: how many hashes ran, and how many of them ran
 * while a database transaction (and so a pooled connection) was open.
 */
public final class PasswordHashWitness implements BeanPostProcessor {

	private final AtomicInteger hashes = new AtomicInteger();

	private final AtomicInteger inTransaction = new AtomicInteger();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof PasswordEncoder encoder) || !"passwordEncoder".equals(beanName)) {
			return bean;
		}
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				witness();
				return encoder.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				witness();
				return encoder.matches(rawPassword, encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return encoder.upgradeEncoding(encodedPassword);
			}

		};
	}

	private void witness() {
		this.hashes.incrementAndGet();
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			this.inTransaction.incrementAndGet();
		}
	}

	/** Starts counting anew. */
	public void reset() {
		this.hashes.set(0);
		this.inTransaction.set(0);
	}

	public int hashes() {
		return this.hashes.get();
	}

	public int hashesInTransaction() {
		return this.inTransaction.get();
	}

}
