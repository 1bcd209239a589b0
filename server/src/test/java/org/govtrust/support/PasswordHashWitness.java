package org.govtrust.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Watches the application's password encoder: how many hashes ran, and how many of them ran
 * while a database transaction (and so a pooled connection) was open. A test can also run
 * something while a hash is running, to send a second attempt that overlaps the first, on
 * one thread and with no timing involved.
 */
public final class PasswordHashWitness implements BeanPostProcessor {

	private final AtomicInteger hashes = new AtomicInteger();

	private final AtomicInteger inTransaction = new AtomicInteger();

	private final AtomicReference<Runnable> duringNext = new AtomicReference<>();

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
		Runnable action = this.duringNext.getAndSet(null);
		if (action != null) {
			action.run();
		}
	}

	/**
	 * Runs an action inside the next hash, before it answers; once.
	 * @param action what to run
	 */
	public void duringNextHash(Runnable action) {
		this.duringNext.set(action);
	}

	/** Starts counting anew, and forgets an action that did not run. */
	public void reset() {
		this.hashes.set(0);
		this.inTransaction.set(0);
		this.duringNext.set(null);
	}

	public int hashes() {
		return this.hashes.get();
	}

	public int hashesInTransaction() {
		return this.inTransaction.get();
	}

}
