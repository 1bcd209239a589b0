package org.govtrust.identity.config;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link HashingLimit}: hashes beyond the limit wait, and go on as soon as one finishes.
 */
class HashingLimitTests {

	@Test
	void hashesBeyondTheLimitWaitForATurn() throws Exception {
		CountDownLatch finish = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		PasswordEncoder slow = new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return "hash";
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				try {
					return finish.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
				finally {
					running.decrementAndGet();
				}
			}

		};
		HashingLimit limit = new HashingLimit(slow, 2);
		ExecutorService threads = Executors.newFixedThreadPool(5);
		try {
			Future<?>[] logins = new Future<?>[5];
			for (int i = 0; i < logins.length; i++) {
				logins[i] = threads.submit(() -> limit.matches("password", "hash"));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> running.get() == 2 && limit.waiting() == 3);
			assertThat(mostAtOnce.get()).isEqualTo(2);
			finish.countDown();
			for (Future<?> login : logins) {
				assertThat(login.get(30, TimeUnit.SECONDS)).isEqualTo(true);
			}
			assertThat(mostAtOnce.get()).isEqualTo(2);
			assertThat(limit.waiting()).isZero();
		}
		finally {
			threads.shutdownNow();
		}
	}

}
