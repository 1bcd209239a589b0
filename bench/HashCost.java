import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.jna.Native;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The password-hash floor of a login on this machine: one argon2id hash at GovTrust's
 * strength (m=7168 KiB, t=5, p=1, 16-byte salt, 32-byte hash: the Keycloak default), timed
 * in this JVM on one thread and on every core at once, by the implementation the server
 * uses: libsodium through JNA ("native", the server's choice where the machine has
 * libsodium) or Bouncy Castle's Java argon2 ("java", its fall-back). Prints one JSON line.
 *
 *   java -cp bcprov-jdk18on.jar:jna.jar bench/HashCost.java native|java [hashes per thread]
 */
public class HashCost {

	static boolean useNative;

	/** libsodium's argon2id, as the server calls it (identity.config.Argon2Hashing) */
	static final class Sodium {

		static {
			Native.register("sodium");
		}

		static native int sodium_init();

		static native int crypto_pwhash_argon2id(byte[] out, long outlen, byte[] passwd, long passwdlen, byte[] salt,
				long opslimit, long memlimit, int alg);

	}

	public static void main(String[] args) throws Exception {
		useNative = "native".equals(args[0]);
		if (useNative) {
			if (Sodium.sodium_init() < 0) {
				throw new IllegalStateException("sodium_init failed");
			}
		}
		int count = args.length > 1 ? Integer.parseInt(args[1]) : 40;
		for (int i = 0; i < 10; i++) {
			hash(i); // warm-up: the JIT compiles Blake2b and the fill loop
		}
		double single = perSecond(1, count);
		int cores = Runtime.getRuntime().availableProcessors();
		double all = perSecond(cores, count);
		System.out.printf("HASHJSON {\"implementation\":\"%s\",\"ms_per_hash\":%.1f,\"hashes_per_s_1_thread\":%.1f,\"threads\":%d,"
				+ "\"hashes_per_s_all_threads\":%.1f}%n", useNative ? "libsodium" : "Bouncy Castle", 1000 / single, single, cores, all);
	}

	static double perSecond(int threads, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		Future<?>[] running = new Future<?>[threads];
		for (int t = 0; t < threads; t++) {
			running[t] = pool.submit(() -> {
				for (int i = 0; i < count; i++) {
					hash(i);
				}
				return null;
			});
		}
		for (Future<?> task : running) {
			task.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return threads * count / seconds;
	}

	static byte[] hash(int i) {
		byte[] salt = new byte[16];
		new SecureRandom().nextBytes(salt);
		if (useNative) {
			byte[] out = new byte[32];
			byte[] password = ("bench-pass-" + i).getBytes();
			if (Sodium.crypto_pwhash_argon2id(out, 32, password, password.length, salt, 5, 7168 * 1024L, 2) != 0) {
				throw new IllegalStateException("crypto_pwhash_argon2id failed");
			}
			return out;
		}
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withSalt(salt)
			.withMemoryAsKB(7168)
			.withIterations(5)
			.withParallelism(1)
			.build());
		byte[] out = new byte[32];
		generator.generateBytes(("bench-pass-" + i).getBytes(), out);
		return Arrays.copyOf(out, 32);
	}

}
