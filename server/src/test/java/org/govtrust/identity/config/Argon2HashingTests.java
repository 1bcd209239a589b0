package org.govtrust.identity.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link Argon2Hashing}: libsodium and Bouncy Castle make and read the same hashes, so a
 * machine can move between them; without the library (or with it switched off, or wrong)
 * hashing goes on in Java. The tests that need libsodium are skipped where it is not installed,
 * except in CI ({@code CI=true}), whose script installs it.
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
	void hashesByLibsodiumVerifyWithBouncyCastleAndBack() {
		Argon2Hashing hashing = nativeHashing();
		String made = hashing.encode(PASSWORD);
		assertThat(made).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").startsWith(Argon2Hashing.ENCODED_PREFIX);
		// unpadded base64, as Spring writes it
		assertThat(made.substring(Argon2Hashing.ENCODED_PREFIX.length())).doesNotContain("=");
		assertThat(this.bouncyCastle.matches(PASSWORD, made)).isTrue();
		assertThat(this.bouncyCastle.matches(PASSWORD + "x", made)).isFalse();
		assertThat(hashing.encode(PASSWORD)).as("a new salt each time").isNotEqualTo(made);

		String madeInJava = this.bouncyCastle.encode(PASSWORD);
		assertThat(hashing.matches(PASSWORD, madeInJava)).isTrue();
		assertThat(hashing.matches("citizen-密码-2026 ü", madeInJava)).isFalse();
		assertThat(hashing.upgradeEncoding(made)).isFalse();
	}

	@Test
	void libsodiumReadsTheParametersOfTheStoredHash() {
		Argon2Hashing hashing = nativeHashing();
		// weaker and stronger hashes of libsodium's shape, made in Java
		for (Argon2PasswordEncoder other : new Argon2PasswordEncoder[] { new Argon2PasswordEncoder(16, 32, 1, 4096, 3),
				new Argon2PasswordEncoder(16, 16, 1, 9216, 2), new Argon2PasswordEncoder(16, 64, 1, 64, 1) }) {
			String stored = other.encode(PASSWORD);
			assertThat(Argon2Hashing.Stored.parse(stored)).as(stored).isNotNull();
			assertThat(hashing.matches(PASSWORD, stored)).as(stored).isTrue();
			assertThat(hashing.matches(PASSWORD + "!", stored)).as(stored).isFalse();
		}
	}

	@Test
	void hashesOfAnotherShapeAreReadByBouncyCastle() {
		// a binding that fails the test if it is asked to hash
		Argon2Hashing.Libsodium library = new Argon2Hashing.Libsodium((out, password, salt, t, m) -> {
			throw new AssertionError("libsodium asked for a hash of another shape");
		}, this.bouncyCastle);
		for (Argon2PasswordEncoder other : new Argon2PasswordEncoder[] { new Argon2PasswordEncoder(16, 32, 2, 1024, 2),
				new Argon2PasswordEncoder(8, 32, 1, 1024, 2) }) {
			String stored = other.encode(PASSWORD);
			assertThat(Argon2Hashing.Stored.parse(stored)).as(stored).isNull();
			assertThat(library.matches(PASSWORD, stored)).as(stored).isTrue();
			assertThat(library.matches(PASSWORD + "!", stored)).as(stored).isFalse();
		}
		assertThat(library.matches(PASSWORD, "$argon2i$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "$argon2id$v=19$m=7168,t=5,p=1$broken", "$argon2id$v=19$m=7168,t=5,p=1$!!$!!",
			"$argon2id$v=19$m=x,t=5,p=1$R292VHJ1c3QgYXJnb24yIQ$GKt0Q1uggOkYbOYiKCWgLdNTlt/6BdiPpfT3mIFjY9E",
			"$argon2id$v=19$m=7168,t=5,p=1$R292VHJ1c3QgYXJnb24yIQ$GKt0Q1uggOkYbOYiKCWgLdNTlt/6BdiPpfT3mIFjY9E$",
			"$argon2id$v=19$m=2147483647,t=5,p=1$R292VHJ1c3QgYXJnb24yIQ$GKt0Q1uggOkYbOYiKCWgLdNTlt/6BdiPpfT3mIFjY9E",
			"$argon2id$v=19$m=7168,t=0,p=1$R292VHJ1c3QgYXJnb24yIQ$GKt0Q1uggOkYbOYiKCWgLdNTlt/6BdiPpfT3mIFjY9E",
			"$argon2id$v=19$m=7168,t=5,p=1$R292VHJ1c3QgYXJnb24yIQ$R292", "not a hash" })
	void storedHashesOfAnotherShapeAreNotLibsodiums(String stored) {
		assertThat(Argon2Hashing.Stored.parse(stored)).isNull();
	}

	@Test
	void libsodiumRefusesWhatSpringsEncoderRefuses() {
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
		// Spring's parser throws for this one: unreadable, so false
		assertThat(hashing.matches(PASSWORD, "$argon2id$v=19$m=7168,t=5,p=1$broken")).isFalse();
		assertThat(hashing.upgradeEncoding("$argon2id$v=19$m=7168,t=5,p=1$broken")).isFalse();
	}

	@Test
	void hashesInJavaWhenTheLibraryIsMissing() {
		// what JNA throws when libsodium is not installed
		Argon2Hashing hashing = new Argon2Hashing(() -> {
			throw new UnsatisfiedLinkError("Unable to load library 'sodium'");
		});
		assertThat(hashing.isNative()).isFalse();
		String made = hashing.encode(PASSWORD);
		assertThat(this.bouncyCastle.matches(PASSWORD, made)).isTrue();
		assertThat(hashing.matches(PASSWORD, made)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryFailsAnyOtherWay() {
		// JNA reports a crash in native code as a plain java.lang.Error
		Argon2Hashing hashing = new Argon2Hashing(() -> (out, password, salt, t, m) -> {
			throw new Error("Invalid memory access");
		});
		assertThat(hashing.isNative()).isFalse();
		assertThat(hashing.matches(Argon2Hashing.KNOWN_PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryGetsTheKnownAnswerWrong() {
		Argon2Hashing hashing = new Argon2Hashing(() -> (out, password, salt, t, m) -> {
			Arrays.fill(out, (byte) 7);
			return 0;
		});
		assertThat(hashing.isNative()).isFalse();
		assertThat(hashing.matches(Argon2Hashing.KNOWN_PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isTrue();
	}

	@Test
	void hashesInJavaWhenTheLibraryAcceptsAnyPassword() {
		// it "computes" the known answer whatever it is given
		byte[] known = Base64.getDecoder().decode(Argon2Hashing.KNOWN_ANSWER.substring(
				Argon2Hashing.KNOWN_ANSWER.lastIndexOf('$') + 1));
		Argon2Hashing hashing = new Argon2Hashing(() -> (out, password, salt, t, m) -> {
			System.arraycopy(known, 0, out, 0, out.length);
			return 0;
		});
		assertThat(hashing.isNative()).isFalse();
	}

	@Test
	void hashesInJavaWhenTheLibraryTakesTooLongToLoad() throws Exception {
		nativeHashing(); // the late library is the real one
		CountDownLatch stuck = new CountDownLatch(1);
		CountDownLatch checked = new CountDownLatch(4); // the hashes of the start-up check
		Argon2Hashing hashing = new Argon2Hashing(() -> {
			try {
				stuck.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Argon2Hashing.Binding libsodium = Argon2Hashing.Binding.libsodium();
			return (out, password, salt, t, m) -> {
				int result = libsodium.hash(out, password, salt, t, m);
				checked.countDown();
				return result;
			};
		}, Duration.ofMillis(50));
		// the first hash waits 50 ms, not for ever
		String made = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> hashing.encode(PASSWORD));
		assertThat(this.bouncyCastle.matches(PASSWORD, made)).isTrue();
		stuck.countDown(); // a late load, even of a library that passes the check, changes nothing
		assertThat(checked.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(hashing.isNative()).isFalse();
	}

	@Test
	void libsodiumFailingIsAnErrorNotAWrongPassword() {
		// crypto_pwhash_argon2id answers -1 when it cannot allocate the memory
		Argon2Hashing.Libsodium library = new Argon2Hashing.Libsodium((out, password, salt, t, m) -> -1,
				this.bouncyCastle);
		assertThatIllegalStateException().isThrownBy(() -> library.matches(PASSWORD, Argon2Hashing.KNOWN_ANSWER));
		assertThatIllegalStateException().isThrownBy(() -> library.encode(PASSWORD));
	}

	@Test
	void libsodiumIsGivenTheStoredParametersAndThePasswordAsUtf8() {
		AtomicBoolean called = new AtomicBoolean();
		Argon2Hashing.Libsodium library = new Argon2Hashing.Libsodium((out, password, salt, t, m) -> {
			called.set(true);
			assertThat(new String(password, StandardCharsets.UTF_8)).isEqualTo(PASSWORD);
			assertThat(new String(salt, StandardCharsets.US_ASCII)).isEqualTo("GovTrust argon2!");
			assertThat(t).isEqualTo(5);
			assertThat(m).isEqualTo(7168);
			assertThat(out).hasSize(32);
			return 0;
		}, this.bouncyCastle);
		assertThat(library.matches(PASSWORD, Argon2Hashing.KNOWN_ANSWER)).isFalse();
		assertThat(called).as("libsodium was asked").isTrue();
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

	private static Argon2Hashing nativeHashing() {
		Argon2Hashing hashing = new Argon2Hashing(true);
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(hashing.isNative(), "libsodium is not installed (Debian: apt-get install libsodium23)");
		}
		assertThat(hashing.isNative()).as("libsodium loaded and reproduced the known hash").isTrue();
		return hashing;
	}

}
