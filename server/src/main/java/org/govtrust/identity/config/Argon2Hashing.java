package org.govtrust.identity.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.sun.jna.Native;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.govtrust.identity.domain.PasswordText;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at GovTrust's strength (m = 7168 KiB, t = 5, p = 1, 16-byte salt, 32-byte hash: the
 * Keycloak default), computed by libsodium (through JNA) when the machine has it, and by Bouncy
 * Castle's Java implementation otherwise.
 * <p>
 * Why: a password login costs one hash, so the hash sets how many logins a core can do.
 * libsodium picks the fastest code the processor runs (AVX-512, AVX2 or SSSE3) and took 6.7 ms a
 * hash on one core where the reference C library libargon2, as Debian builds it (no vector
 * instructions), took 14.6 ms and Bouncy Castle 16-50 ms (its speed changes from one JVM process
 * to the next).
 * <p>
 * libsodium computes the raw hash ({@code crypto_pwhash_argon2id}); the encoded form is written
 * and read here, exactly as Spring Security's {@link Argon2PasswordEncoder} writes it
 * ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}, unpadded base64), so hashes made by either
 * verify with the other, and a machine can move between them. libsodium computes argon2id
 * version 1.3 with one lane and a 16-byte salt: a stored hash of any other shape (imported,
 * argon2i, older version) is read by Bouncy Castle.
 * <p>
 * The library is loaded on a background thread at start-up and must verify a hash made by Bouncy
 * Castle, and make hashes it verifies again and that refuse another password, before it is used; if
 * it is missing (Debian: {@code apt-get install libsodium23}), fails in any way, is wrong, takes
 * more than {@link #LOAD_TIMEOUT} to load, or {@code govtrust.identity.native-argon2=false},
 * Bouncy Castle hashes and the log says once which one hashes and why.
 * <p>
 * A password with a lone UTF-16 surrogate is never hashed nor matched: it has no UTF-8 form,
 * and Java's UTF-8 encoder would turn it into '?' ({@code PasswordPolicy} refuses it first).
 */
final class Argon2Hashing implements PasswordEncoder {

	private static final Log logger = LogFactory.getLog(Argon2Hashing.class);

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 7168;

	static final int ITERATIONS = 5;

	/** How long a hash waits for libsodium to load before hashing with Bouncy Castle for good. */
	static final Duration LOAD_TIMEOUT = Duration.ofSeconds(10);

	/** Made by Bouncy Castle at this strength, salt "GovTrust argon2!": the library must agree. */
	static final String KNOWN_ANSWER = "$argon2id$v=19$m=7168,t=5,p=1$R292VHJ1c3QgYXJnb24yIQ$GKt0Q1uggOkYbOYiKCWgLdNTlt/6BdiPpfT3mIFjY9E";

	static final String KNOWN_PASSWORD = "密码 known answer";

	/** How every hash made here begins: the type, the version and GovTrust's parameters. */
	static final String ENCODED_PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
			+ "$";

	private final PasswordEncoder bouncyCastle = new BouncyCastle();

	private final CompletableFuture<PasswordEncoder> chosen;

	private final Duration loadTimeout;

	/**
	 * @param tryNative whether to look for libsodium at all
	 */
	Argon2Hashing(boolean tryNative) {
		this(tryNative ? Binding::libsodium : null);
	}

	/**
	 * @param library makes the binding to libsodium (on the loader thread), or {@code null} not to use it
	 */
	Argon2Hashing(@Nullable Supplier<Binding> library) {
		this(library, LOAD_TIMEOUT);
	}

	/**
	 * @param library makes the binding to libsodium (on the loader thread), or {@code null} not to use it
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

	/** True when libsodium computes the hashes (waits for the choice). */
	boolean isNative() {
		return this.chosen.join() instanceof Libsodium;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (rawPassword != null && PasswordText.hasLoneSurrogate(rawPassword)) {
			// PasswordPolicy refuses such passwords first; Java's UTF-8 would hash them as '?'
			throw new IllegalArgumentException("A password with a lone UTF-16 surrogate cannot be hashed");
		}
		return implementation().encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword != null && PasswordText.hasLoneSurrogate(rawPassword)) {
			return false; // no stored password can be one: none is ever hashed
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
				logger.warn("Password hashing: argon2id by Bouncy Castle, because loading libsodium took more than "
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
			Libsodium library = new Libsodium(binding.get(), this.bouncyCastle);
			String made = library.encode(KNOWN_PASSWORD);
			if (!library.matches(KNOWN_PASSWORD, KNOWN_ANSWER) || !made.startsWith(ENCODED_PREFIX)
					|| Stored.parse(made) == null || !library.matches(KNOWN_PASSWORD, made)
					|| library.matches(KNOWN_PASSWORD + " ", made)) {
				logger.warn("Password hashing: argon2id by Bouncy Castle, because libsodium did not reproduce a"
						+ " known hash");
				return this.bouncyCastle;
			}
			logger.info("Password hashing: argon2id by libsodium");
			return library;
		}
		catch (Throwable ex) { // LinkageError when missing; JNA's Error on a bad library; anything else alike
			logger.warn("Password hashing: argon2id by Bouncy Castle, because libsodium could not be loaded (" + ex
					+ "). For faster and steadier logins install it (Debian and Ubuntu: apt-get install libsodium23)"
					+ " and give JNA a writable temporary folder it may load code from (-Djna.tmpdir=...)");
			return this.bouncyCastle;
		}
	}

	/** The one call GovTrust makes of libsodium. */
	@FunctionalInterface
	interface Binding {

		/**
		 * {@code crypto_pwhash_argon2id}: the raw argon2id (version 1.3, one lane) hash of
		 * {@code password} into {@code out}.
		 * @return 0, or -1 when libsodium could not compute it (out of memory, parameters it refuses)
		 */
		int hash(byte[] out, byte[] password, byte[] salt, int iterations, int memoryKib);

		/** The system's libsodium through JNA. */
		static Binding libsodium() {
			if (Native.SIZE_T_SIZE != Long.BYTES) {
				throw new UnsupportedOperationException("libsodium is bound for 64-bit processes only");
			}
			if (Sodium.sodium_init() < 0) {
				throw new IllegalStateException("sodium_init() failed");
			}
			return (out, password, salt, iterations, memoryKib) -> Sodium.crypto_pwhash_argon2id(out, out.length,
					password, password.length, salt, iterations, memoryKib * 1024L, Sodium.ALG_ARGON2ID13);
		}

	}

	/** JNA's direct mapping of libsodium (the system's {@code libsodium.so.*}). */
	private static final class Sodium {

		/** {@code crypto_pwhash_ALG_ARGON2ID13} */
		static final int ALG_ARGON2ID13 = 2;

		static {
			Native.register("sodium");
		}

		static native int sodium_init();

		/** size_t is 64 bits here ({@link Binding#libsodium()} checks). */
		static native int crypto_pwhash_argon2id(byte[] out, long outlen, byte[] passwd, long passwdlen, byte[] salt,
				long opslimit, long memlimit, int alg);

	}

	/**
	 * libsodium: the password as UTF-8, as Spring Security's encoder has it, and empty or
	 * missing input handled by the same base class. A hash of the shape libsodium computes is
	 * checked here; any other is read by Bouncy Castle (through Spring's encoder, which also
	 * answers {@code false} for what it cannot read). libsodium failing to compute a hash is an
	 * error, not a wrong password.
	 */
	static final class Libsodium extends AbstractValidatingPasswordEncoder {

		private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

		private static final SecureRandom RANDOM = new SecureRandom();

		private final Binding library;

		private final PasswordEncoder otherShapes;

		Libsodium(Binding library, PasswordEncoder otherShapes) {
			this.library = library;
			this.otherShapes = otherShapes;
		}

		@Override
		protected String encodeNonNullPassword(String rawPassword) {
			byte[] salt = new byte[SALT_BYTES];
			RANDOM.nextBytes(salt);
			byte[] hash = hash(rawPassword, salt, ITERATIONS, MEMORY_KIB, HASH_BYTES);
			return ENCODED_PREFIX + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
		}

		@Override
		protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
			Stored stored = Stored.parse(encodedPassword);
			if (stored == null) {
				// another shape (imported, argon2i, version 1.0, p > 1) or not argon2 at all: Spring's
				// encoder reads it, or logs and refuses it
				return this.otherShapes.matches(rawPassword, encodedPassword);
			}
			byte[] computed = hash(rawPassword, stored.salt(), stored.iterations(), stored.memoryKib(),
					stored.hash().length);
			return MessageDigest.isEqual(computed, stored.hash());
		}

		private byte[] hash(String password, byte[] salt, int iterations, int memoryKib, int length) {
			byte[] out = new byte[length];
			if (this.library.hash(out, password.getBytes(StandardCharsets.UTF_8), salt, iterations, memoryKib) != 0) {
				throw new IllegalStateException("libsodium could not compute a password hash (m=" + memoryKib + " KiB)");
			}
			return out;
		}

	}

	/**
	 * Spring Security's encoder (Bouncy Castle's argon2) at GovTrust's strength. Spring's
	 * parser answers {@code false} for most unreadable hashes but throws
	 * {@link IndexOutOfBoundsException} for some (a hash with too few {@code $} parts): those
	 * read as unreadable too.
	 */
	private static final class BouncyCastle implements PasswordEncoder {

		private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
				MEMORY_KIB, ITERATIONS);

		@Override
		public String encode(CharSequence rawPassword) {
			return this.encoder.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			try {
				return this.encoder.matches(rawPassword, encodedPassword);
			}
			catch (IndexOutOfBoundsException ex) {
				logger.warn("Malformed password hash");
				return false;
			}
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			try {
				return this.encoder.upgradeEncoding(encodedPassword);
			}
			catch (IndexOutOfBoundsException ex) {
				logger.warn("Malformed password hash");
				return false;
			}
		}

	}

	/**
	 * A stored argon2id hash of the shape libsodium computes: version 1.3
	 * ({@code v=19}), one lane, a 16-byte salt, a hash of 16 to 64 bytes, at most 1 GiB and
	 * 1000 passes. Anything else is left to Bouncy Castle's reading, as before libsodium.
	 */
	record Stored(int memoryKib, int iterations, byte[] salt, byte[] hash) {

		private static final String PREFIX = "$argon2id$v=19$m=";

		static @Nullable Stored parse(String encoded) {
			if (!encoded.startsWith(PREFIX)) {
				return null;
			}
			String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
			if (parts.length != 3) {
				return null;
			}
			String[] parameters = parts[0].split(",", -1);
			if (parameters.length != 3 || !parameters[1].startsWith("t=") || !"p=1".equals(parameters[2])) {
				return null;
			}
			try {
				int memoryKib = Integer.parseInt(parameters[0]);
				int iterations = Integer.parseInt(parameters[1].substring(2));
				byte[] salt = Base64.getDecoder().decode(parts[1]);
				byte[] hash = Base64.getDecoder().decode(parts[2]);
				boolean sane = memoryKib >= 8 && memoryKib <= (1 << 20) && iterations >= 1
						&& iterations <= 1000 && salt.length == SALT_BYTES && hash.length >= 16
						&& hash.length <= 64;
				return sane ? new Stored(memoryKib, iterations, salt, hash) : null;
			}
			catch (IllegalArgumentException ex) { // NumberFormatException too
				return null;
			}
		}

	}

}
