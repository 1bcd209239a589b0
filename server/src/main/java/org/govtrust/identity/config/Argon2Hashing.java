package org.govtrust.identity.config;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * thread at start-up and must reproduce a hash made by Bouncy Castle before it is used; if it
 * is missing (Debian: {@code apt-get install libargon2-1}) or wrong, or
 * {@code govtrust.identity.native-argon2=false}, the log says once which one hashes.
 */
final class Argon2Hashing implements PasswordEncoder {

	private static final Log logger = LogFactory.getLog(Argon2Hashing.class);

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 7168;

	static final int ITERATIONS = 5;

	/** Made by Bouncy Castle at this strength, salt "GovTrust argon2!": the library must agree. */
	static final String KNOWN_ANSWER = "$argon2id$v=19$m=7168,t=5,p=1$R292VHJ1c3QgYXJnb24yIQ$GKt0Q1uggOkYbOYiKCWgLdNTlt/6BdiPpfT3mIFjY9E";

	static final String KNOWN_PASSWORD = "密码 known answer";

	private final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	private final CompletableFuture<PasswordEncoder> chosen;

	/**
	 * @param tryNative whether to look for libargon2 at all
	 */
	Argon2Hashing(boolean tryNative) {
		this(tryNative ? () -> Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES) : null);
	}

	/**
	 * @param library argon2-jvm's binding to libargon2, or {@code null} not to use it
	 */
	Argon2Hashing(@Nullable Supplier<Argon2> library) {
		if (library == null) {
			logger.info("Password hashing: argon2id by Bouncy Castle (govtrust.identity.native-argon2=false)");
			this.chosen = CompletableFuture.completedFuture(this.bouncyCastle);
			return;
		}
		// loading JNA and the library takes 0.1-0.2 s: not on the start-up's main thread
		this.chosen = CompletableFuture.supplyAsync(() -> choose(library), (task) -> {
			Thread loader = new Thread(task, "argon2-loader");
			loader.setDaemon(true);
			loader.start();
		});
	}

	/** True when libargon2 computes the hashes (waits for the choice). */
	boolean isNative() {
		return this.chosen.join() instanceof Native;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.chosen.join().encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return this.chosen.join().matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		// reads the stored parameters only; no hash is computed
		return this.bouncyCastle.upgradeEncoding(encodedPassword);
	}

	private PasswordEncoder choose(Supplier<Argon2> binding) {
		try {
			// JNA loads the library on the first call, so the known answer is also the loading
			Native library = new Native(binding.get(), this.bouncyCastle);
			if (!library.matches(KNOWN_PASSWORD, KNOWN_ANSWER)) {
				logger.warn("Password hashing: argon2id by Bouncy Castle, because libargon2 did not reproduce a"
						+ " known hash");
				return this.bouncyCastle;
			}
			logger.info("Password hashing: argon2id by libargon2");
			return library;
		}
		catch (LinkageError | RuntimeException ex) {
			logger.warn("Password hashing: argon2id by Bouncy Castle, because libargon2 could not be loaded ("
					+ ex + "). For faster and steadier logins install it (Debian and Ubuntu: apt-get install"
					+ " libargon2-1) and give JNA a writable temporary folder it may load code from"
					+ " (-Djna.tmpdir=...)");
			return this.bouncyCastle;
		}
	}

	/**
	 * libargon2 through argon2-jvm: the password as UTF-8, as Spring Security's encoder has
	 * it, and empty or missing input handled by the same base class.
	 */
	static final class Native extends AbstractValidatingPasswordEncoder {

		private static final String ARGON2ID = "$argon2id$";

		private final Argon2 argon2;

		private final PasswordEncoder otherTypes;

		Native(Argon2 argon2, PasswordEncoder otherTypes) {
			this.argon2 = argon2;
			this.otherTypes = otherTypes;
		}

		@Override
		protected String encodeNonNullPassword(String rawPassword) {
			return this.argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, rawPassword.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
			if (!encodedPassword.startsWith(ARGON2ID)) {
				// argon2i or argon2d (never made here) or not argon2 at all: Spring's encoder reads and logs it
				return this.otherTypes.matches(rawPassword, encodedPassword);
			}
			return this.argon2.verify(encodedPassword, rawPassword.getBytes(StandardCharsets.UTF_8));
		}

	}

}
