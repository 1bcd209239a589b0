package org.govtrust.identity.config;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At most as many password hashes at once as the machine has cores. Argon2id is CPU- and
 * memory-bound (7 MiB a hash at GovTrust's strength): more hashes than cores finish no
 * sooner, they only share the cores and the caches and hold more memory at once, so that a
 * burst of logins could otherwise fill the heap. Requests beyond the limit wait their turn,
 * first come first served.
 */
final class HashingLimit implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	HashingLimit(PasswordEncoder delegate, int concurrentHashes) {
		this.delegate = delegate;
		this.permits = new Semaphore(concurrentHashes, true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return limited(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return limited(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	/** Requests waiting for a turn (tests). */
	int waiting() {
		return this.permits.getQueueLength();
	}

	private <T> T limited(Supplier<T> hash) {
		this.permits.acquireUninterruptibly();
		try {
			return hash.get();
		}
		finally {
			this.permits.release();
		}
	}

}
