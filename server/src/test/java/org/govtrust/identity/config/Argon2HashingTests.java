package org.govtrust.identity.config;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link Argon2Hashing}: libargon2 and Bouncy Castle make and read the same hashes, so a
 * machine can move between them; without the library (or with it switched off) hashing goes
 * on in Java. The tests that need libargon2 are skipped where it is not installed, except in
 * CI ({@code CI=true}), whose script installs it.
 */
class Argon2HashingTests {

	private static final String PASSWORD = "Citizen-密码-2026 ü";

	private final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(Argon2Hashing.SALT_BYTES,
			Argon2Hashing.HASH_BYTES, Argon2Hashing.PARALLELISM, Argon2Hashing.MEMORY_KIB, Argon2Hashing.ITERATIONS);

	@Test
	void knownAnswerIsBouncyCastles() {
		assertThat(this.bouncyCastle.matches(Argon2Hashing.KNOWN_PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isTrue();
		assertThat(this.bouncyCastle.matches(Argon2Hashing.KNOWN_PASSWORD + " ", Argon2Hashing.KNOWN_ANSWER)).isFalse();
	}

	@Test
	void hashesByLibargon2VerifyWithBouncyCastleAndBack() {
		Argon2Hashing hashing = nativeHashing();
		String made = hashing.encode(PASSWORD);
		assertThat(made).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").startsWith(Argon2Hashing.ENCODED_PREFIX);
		assertThat(this.bouncyCastle.matches(PASSWORD, made)).isTrue();
		assertThat(this.bouncyCastle.matches(PASSWORD + "x", made)).isFalse();

		String madeInJava = this.bouncyCastle.encode(PASSWORD);
		assertThat(hashing.matches(PASSWORD, madeInJava)).isTrue();
		assertThat(hashing.matches("citizen-密码-2026 ü", madeInJava)).isFalse();
		assertThat(hashing.upgradeEncoding(made)).isFalse();
	}

	@Test
	void libargon2RefusesWhatSpringsEncoderRefuses() {
		Argon2Hashing hashing = nativeHashing();
		String made = hashing.encode(PASSWORD);
		assertThat(hashing.matches("", made)).isFalse();
		assertThat(hashing.matches(null, made)).isFalse();
		assertThat(hashing.matches(PASSWORD, null)).isFalse();
		assertThat(hashing.matches(PASSWORD, "$argon2id$v=19$m=7168,t=5,p=1$broken")).isFalse();
		assertThat(hashing.matches(PASSWORD, "not a hash")).isFalse();
	}

	@Test
	void hashesInJavaWhenSwitchedOff() {
		Argon2Hashing hashing = new Argon2Hashing(false);
		assertThat(hashing.isNative()).isFalse();
		String made = hashing.encode(PASSWORD);
		assertThat(hashing.matches(PASSWORD, made)).isTrue();
		assertThat(hashing.matches(Argon2Hashing.KNOWN_PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryIsMissing() {
		// what JNA throws on the first call when libargon2 is not installed
		Argon2Hashing hashing = new Argon2Hashing(() -> binding(() -> {
			throw new UnsatisfiedLinkError("Unable to load library 'argon2'");
		}, () -> 0));
		assertThat(hashing.isNative()).isFalse();
		String made = hashing.encode(PASSWORD);
		assertThat(this.bouncyCastle.matches(PASSWORD, made)).isTrue();
		assertThat(hashing.matches(PASSWORD, made)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryFailsAnyOtherWay() {
		// JNA reports a crash in native code as a plain java.lang.Error
		Argon2Hashing hashing = new Argon2Hashing(() -> binding(() -> {
			throw new Error("Invalid memory access");
		}, () -> 0));
		assertThat(hashing.isNative()).isFalse();
		assertThat(hashing.matches(Argon2Hashing.KNOWN_PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryGetsTheKnownAnswerWrong() {
		Argon2Hashing hashing = new Argon2Hashing(() -> binding(() -> "$argon2id$v=19$m=7168,t=5,p=1$x$y", () -> -35));
		assertThat(hashing.isNative()).isFalse();
		assertThat(hashing.matches(Argon2Hashing.KNOWN_PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryMakesHashesWithOtherParameters() {
		// its verify agrees with the known answer, its hashes are weaker than GovTrust's
		Argon2Hashing hashing = new Argon2Hashing(() -> binding(() -> "$argon2id$v=19$m=4096,t=3,p=1$x$y", () -> 0));
		assertThat(hashing.isNative()).isFalse();
	}

	@Test
	void hashesInJavaWhenTheLibraryAcceptsAnyPassword() {
		Argon2Hashing hashing = new Argon2Hashing(() -> binding(() -> "$argon2id$v=19$m=7168,t=5,p=1$x$y", () -> 0));
		assertThat(hashing.isNative()).isFalse();
	}

	@Test
	void hashesInJavaWhenTheLibraryTakesTooLongToLoad() throws Exception {
		CountDownLatch stuck = new CountDownLatch(1);
		Argon2Hashing hashing = new Argon2Hashing(() -> {
			try {
				stuck.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return binding(() -> "never used", () -> 0);
		}, Duration.ofMillis(50));
		String made = hashing.encode(PASSWORD);
		assertThat(this.bouncyCastle.matches(PASSWORD, made)).isTrue();
		stuck.countDown(); // a late load changes nothing
		assertThat(hashing.isNative()).isFalse();
	}

	@Test
	void libargon2OutOfMemoryIsAnErrorNotAWrongPassword() {
		Argon2Hashing.Libargon2 library = new Argon2Hashing.Libargon2(binding(() -> "unused", () -> -22), this.bouncyCastle);
		assertThatIllegalStateException().isThrownBy(() -> library.matches(PASSWORD, Argon2Hashing.KNOWN_ANSWER));
		Argon2Hashing.Libargon2 mismatch = new Argon2Hashing.Libargon2(binding(() -> "unused", () -> -35), this.bouncyCastle);
		assertThat(mismatch.matches(PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void passwordsWithALoneSurrogateAreNeverHashedNorMatched(boolean tryNative) {
		Argon2Hashing hashing = new Argon2Hashing(tryNative);
		// Java's UTF-8 writes '?' for a lone surrogate: "pa\ud800ss" must not stand for "pa?ss"
		String made = hashing.encode("pa?ss-2026");
		assertThat(hashing.matches("pa\ud800ss-2026", made)).isFalse();
		assertThat(hashing.matches("pa\udfffss-2026", made)).isFalse();
		assertThat(hashing.matches("pa?ss-2026", made)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> hashing.encode("pa\ud800ss-2026"));
		String emoji = "pa\ud83d\ude00ss-2026"; // a whole pair is fine
		assertThat(hashing.matches(emoji, hashing.encode(emoji))).isTrue();
	}

	@Test
	void weakerStoredHashesAreUpgraded() {
		Argon2Hashing hashing = new Argon2Hashing(false);
		String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 3).encode(PASSWORD);
		assertThat(hashing.upgradeEncoding(weaker)).isTrue();
		assertThat(hashing.upgradeEncoding(hashing.encode(PASSWORD))).isFalse();
	}

	/** A binding whose hashes and verify results come from the given suppliers. */
	private static Argon2Hashing.Binding binding(Supplier<String> hash, IntSupplier verify) {
		return new Argon2Hashing.Binding() {

			@Override
			public String hash(byte[] password) {
				return hash.get();
			}

			@Override
			public int verify(String encoded, byte[] password) {
				return verify.getAsInt();
			}

		};
	}

	private static Argon2Hashing nativeHashing() {
		Argon2Hashing hashing = new Argon2Hashing(true);
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(hashing.isNative(), "libargon2 is not installed (Debian: apt-get install libargon2-1)");
		}
		assertThat(hashing.isNative()).as("libargon2 loaded and reproduced the known hash").isTrue();
		return hashing;
	}

}
