package org.govtrust.identity.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.sun.jna.Native;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Size_t;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.govtrust.identity.domain.PasswordText;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at GovTrust's strength (m = 7168 KiB, t = 5, p = 1, 16-byte salt, 32-byte hash: the
 * Keycloak default), computed by libargon2, the reference C implementation (through argon2-jvm
 * and JNA), when the machine has it, and by Bouncy Castle's Java implementation otherwise.
 * <p>
 * Why: a password login costs one hash, so the hash sets how many logins a core can do.
 * Bouncy Castle took 16-25 ms a hash in some JVM processes and about 50 ms in others on the
 * same machine (the JIT compiles its fill loop differently from one process to the next);
 * libargon2 took 13-18 ms in every process.
 * <p>
 * Both write and read the same encoded form ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash},
 * as Spring Security's {@link Argon2PasswordEncoder}), so hashes made by either verify with
 * the other, and a machine can move between them. The library is loaded on a background
 * thread at start-up, and must verify a hash made by Bouncy Castle and make hashes with
 * GovTrust's parameters before it is used; if it is missing (Debian: {@code apt-get install libargon2-1}),
 * fails in any way, is wrong, takes more than {@link #LOAD_TIMEOUT} to load, or
 * {@code govtrust.identity.native-argon2=false}, Bouncy Castle hashes and the log says once
 * which one hashes and why.
 * <p>
 * A password with a lone UTF-16 surrogate is never hashed nor matched: it has no UTF-8 form,
 * and the two libraries would treat it differently ({@code PasswordPolicy} refuses it first).
 */
final class Argon2Hashing implements PasswordEncoder {

	private static final Log logger = LogFactory.getLog(Argon2Hashing.class);

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 7168;

	static final int ITERATIONS = 5;

	/** How long a hash waits for libargon2 to load before hashing with Bouncy Castle for good. */
	static final Duration LOAD_TIMEOUT = Duration.ofSeconds(10);

	/** Made by Bouncy Castle at this strength, salt "GovTrust argon2!": the library must agree. */
	static final String KNOWN_ANSWER = "$argon2id$v=19$m=7168,t=5,p=1$R292VHJ1c3QgYXJnb24yIQ$GKt0Q1uggOkYbOYiKCWgLdNTlt/6BdiPpfT3mIFjY9E";

	static final String KNOWN_PASSWORD = "密码 known answer";

	/** How every hash made here begins: the type, the version and GovTrust's parameters. */
	static final String ENCODED_PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
			+ "$";

	private final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	private final CompletableFuture<PasswordEncoder> chosen;

	private final Duration loadTimeout;

	/**
	 * @param tryNative whether to look for libargon2 at all
	 */
	Argon2Hashing(boolean tryNative) {
		this(tryNative ? Binding::argon2Jvm : null);
	}

	/**
	 * @param library makes the binding to libargon2 (on the loader thread), or {@code null} not to use it
	 */
	Argon2Hashing(@Nullable Supplier<Binding> library) {
		this(library, LOAD_TIMEOUT);
	}

	/**
	 * @param library makes the binding to libargon2 (on the loader thread), or {@code null} not to use it
	 * @param loadTimeout how long a hash waits for the library before Bouncy Castle hashes for good
	 */
	Argon2Hashing(@Nullable Supplier<Binding> library, Duration loadTimeout) {
		this.loadTimeout = loadTimeout;
		if (library == null) {
			logger.info("Password hashing: argon2id by Bouncy Castle (govtrust.identity.native-argon2=false)");
			this.chosen = CompletableFuture.completedFuture(this.bouncyCastle);
			return;
		}
		// loading JNA and the library and checking them takes 0.1-0.3 s: not on the start-up's main thread
		this.chosen = CompletableFuture.supplyAsync(() -> choose(library), (task) -> {
			Thread loader = new Thread(task, "argon2-loader");
			loader.setDaemon(true);
			loader.start();
		});
	}

	/** True when libargon2 computes the hashes (waits for the choice). */
	boolean isNative() {
		return this.chosen.join() instanceof Libargon2;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (rawPassword != null && PasswordText.hasLoneSurrogate(rawPassword)) {
			// PasswordPolicy refuses such passwords first (IDN-1036); both libraries would hash them differently
			throw new IllegalArgumentException("A password with a lone UTF-16 surrogate cannot be hashed");
		}
		return implementation().encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword != null && PasswordText.hasLoneSurrogate(rawPassword)) {
			return false; // no stored password can be one: neither library hashes it
		}
		return implementation().matches(rawPassword, encodedPassword);
	}

	private PasswordEncoder implementation() {
		try {
			return this.chosen.get(this.loadTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// a hung load must not hold every login: the hashes are the same either way
			if (this.chosen.complete(this.bouncyCastle)) {
				logger.warn("Password hashing: argon2id by Bouncy Castle, because loading libargon2 took more than "
						+ this.loadTimeout.toMillis() + " ms");
			}
			return this.chosen.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the password hashing to load", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("choose() returns an encoder for every failure", ex);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		// reads the stored parameters only; no hash is computed
		return this.bouncyCastle.upgradeEncoding(encodedPassword);
	}

	private PasswordEncoder choose(Supplier<Binding> binding) {
		try {
			// JNA loads the library on the first call, so the known answer is also the loading. A
			// hash it makes must then carry GovTrust's parameters and verify with the library that
			// just agreed with Bouncy Castle (no cold Java hash on the start-up's second core)
			Libargon2 library = new Libargon2(binding.get(), this.bouncyCastle);
			String made = library.encode(KNOWN_PASSWORD);
			if (!library.matches(KNOWN_PASSWORD, KNOWN_ANSWER) || !made.startsWith(ENCODED_PREFIX)
					|| !library.matches(KNOWN_PASSWORD, made) || library.matches(KNOWN_PASSWORD + " ", made)) {
				logger.warn("Password hashing: argon2id by Bouncy Castle, because libargon2 did not reproduce a"
						+ " known hash");
				return this.bouncyCastle;
			}
			logger.info("Password hashing: argon2id by libargon2");
			return library;
		}
		catch (Throwable ex) { // LinkageError when missing; JNA's Error on a bad library; anything else alike
			logger.warn("Password hashing: argon2id by Bouncy Castle, because libargon2 could not be loaded ("
					+ ex + "). For faster and steadier logins install it (Debian and Ubuntu: apt-get install"
					+ " libargon2-1) and give JNA a writable temporary folder it may load code from"
					+ " (-Djna.tmpdir=...)");
			return this.bouncyCastle;
		}
	}

	/** The two calls GovTrust makes of libargon2. */
	interface Binding {

		/** An encoded argon2id hash at GovTrust's strength, with a new random salt. */
		String hash(byte[] password);

		/** libargon2's result code for checking {@code password} against an encoded hash. */
		int verify(String encoded, byte[] password);

		/** argon2-jvm: its hashing, and libargon2's own verify for the result code. */
		static Binding argon2Jvm() {
			Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
			return new Binding() {

				@Override
				public String hash(byte[] password) {
					return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password);
				}

				@Override
				public int verify(String encoded, byte[] password) {
					// a C string: ASCII with a terminating NUL, as argon2-jvm passes it
					return Argon2Library.INSTANCE.argon2id_verify(Native.toByteArray(encoded, "US-ASCII"),
							password, new Size_t(password.length));
				}

			};
		}

	}

	/**
	 * libargon2: the password as UTF-8, as Spring Security's encoder has it, and empty or
	 * missing input handled by the same base class. A mismatch or an unreadable hash is
	 * {@code false}, as in Spring's encoder; the library running out of memory or threads is
	 * an error, not a wrong password. libargon2 reads the encoded form more strictly than
	 * Spring's parser (no base64 padding, no trailing {@code $}, {@code v=} required, salts of
	 * 8 bytes or more): right for every hash made here; hashes imported from elsewhere would
	 * need checking first.
	 */
	static final class Libargon2 extends AbstractValidatingPasswordEncoder {

		private static final String ARGON2ID = "$argon2id$";

		private static final int ARGON2_OK = 0;

		private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;

		private static final int ARGON2_THREAD_FAIL = -33;

		private final Binding library;

		private final PasswordEncoder otherTypes;

		Libargon2(Binding library, PasswordEncoder otherTypes) {
			this.library = library;
			this.otherTypes = otherTypes;
		}

		@Override
		protected String encodeNonNullPassword(String rawPassword) {
			return this.library.hash(rawPassword.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
			if (!encodedPassword.startsWith(ARGON2ID)) {
				// argon2i or argon2d (never made here) or not argon2 at all: Spring's encoder reads and logs it
				return this.otherTypes.matches(rawPassword, encodedPassword);
			}
			int result = this.library.verify(encodedPassword, rawPassword.getBytes(StandardCharsets.UTF_8));
			if (result == ARGON2_MEMORY_ALLOCATION_ERROR || result == ARGON2_THREAD_FAIL) {
				throw new IllegalStateException("libargon2 could not check a password (error " + result + ")");
			}
			return result == ARGON2_OK;
		}

	}

}
