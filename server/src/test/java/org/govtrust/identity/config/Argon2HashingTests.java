package org.govtrust.identity.config;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

import de.mkammerer.argon2.Argon2;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
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
		assertThat(made).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
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
		Argon2Hashing hashing = new Argon2Hashing(() -> binding((method) -> {
			throw new UnsatisfiedLinkError("Unable to load library 'argon2'");
		}));
		assertThat(hashing.isNative()).isFalse();
		String made = hashing.encode(PASSWORD);
		assertThat(this.bouncyCastle.matches(PASSWORD, made)).isTrue();
		assertThat(hashing.matches(PASSWORD, made)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryGetsTheKnownAnswerWrong() {
		Argon2Hashing hashing = new Argon2Hashing(() -> binding((method) -> false));
		assertThat(hashing.isNative()).isFalse();
		assertThat(hashing.matches(Argon2Hashing.KNOWN_PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isTrue();
	}

	@Test
	void weakerStoredHashesAreUpgraded() {
		Argon2Hashing hashing = new Argon2Hashing(false);
		String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 3).encode(PASSWORD);
		assertThat(hashing.upgradeEncoding(weaker)).isTrue();
		assertThat(hashing.upgradeEncoding(hashing.encode(PASSWORD))).isFalse();
	}

	/** A binding whose every call answers what {@code answer} says. */
	private static Argon2 binding(Function<Method, Object> answer) {
		return (Argon2) Proxy.newProxyInstance(Argon2.class.getClassLoader(), new Class<?>[] { Argon2.class },
				(proxy, method, arguments) -> answer.apply(method));
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
