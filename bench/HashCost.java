import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The password-hash floor of a login on this machine: one argon2id hash at GovTrust's
 * strength (m=7168 KiB, t=5, p=1, 16-byte salt, 32-byte hash: the Keycloak default, and what
 * Spring Security's Argon2PasswordEncoder computes with Bouncy Castle in the server), timed
 * in this JVM on one thread and on every core at once. Prints one JSON line.
 *
 *   java -cp bcprov-jdk18on.jar bench/HashCost.java [hashes per thread]
 */
public class HashCost {

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 40;
		for (int i = 0; i < 10; i++) {
			hash(i); // warm-up: the JIT compiles Blake2b and the fill loop
		}
		double single = perSecond(1, count);
		int cores = Runtime.getRuntime().availableProcessors();
		double all = perSecond(cores, count);
		System.out.printf("HASHJSON {\"ms_per_hash\":%.1f,\"hashes_per_s_1_thread\":%.1f,\"threads\":%d,"
				+ "\"hashes_per_s_all_threads\":%.1f}%n", 1000 / single, single, cores, all);
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
