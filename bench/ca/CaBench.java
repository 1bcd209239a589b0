import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Client side of bench/ca.sh (single-file source, run with the Bouncy Castle jars on the
 * class path). Modes:
 *
 * <pre>
 *   issue BASE SESSIONS ENTERPRISES CLIENTS COUNT SECONDS KEY SERIALS_OUT
 *       makes COUNT keys and PKCS#10 requests first (not timed), then CLIENTS threads, each
 *       with its own connection and its own officer session, issue them through the RA API
 *       until all are issued or SECONDS have passed (requests under way then are finished);
 *       prints one ISSUEJSON line (ops/s, latency percentiles) and appends the serials
 *   csr KEY              one request on a fresh key, PEM on stdout
 *   floor ALG SECONDS THREADS [PROVIDER]   sign/s of the CA algorithm with the provider the server
 *                        signs with (or the one named), measured after as long a warm-up
 *   crl ENTRIES ALG      builds and signs a CRL of ENTRIES entries in memory the way the server
 *                        does (Bouncy Castle X509v2CRLBuilder): the encoding floor without the database
 * </pre>
 *
 * KEY and ALG are EC_P256, RSA_2048 or SM2. SESSIONS has one line per officer session:
 * "cookie header TAB xsrf token"; ENTERPRISES one enterprise id a line.
 */
public final class CaBench {

	private static final Pattern SERIAL = Pattern.compile("\"serial\"\\s*:\\s*\"([0-9a-f]+)\"");

	public static void main(String[] args) throws Exception {
		Security.addProvider(new BouncyCastleProvider());
		switch (args[0]) {
			case "issue" -> issue(args[1], Files.readAllLines(Path.of(args[2])), Files.readAllLines(Path.of(args[3])),
					Integer.parseInt(args[4]), Integer.parseInt(args[5]), Double.parseDouble(args[6]), args[7],
					Path.of(args[8]));
			case "csr" -> System.out.print(csr(args[1], key(args[1])));
			case "floor" -> floor(args[1], Double.parseDouble(args[2]), Integer.parseInt(args[3]),
					args.length > 4 ? args[4] : serverProvider(args[1]));
			case "crl" -> crl(Integer.parseInt(args[1]), args[2]);
			default -> throw new IllegalArgumentException("unknown mode " + args[0]);
		}
	}

	// --- issuance load

	static void issue(String base, List<String> sessions, List<String> enterprises, int clients, int count,
			double maxSeconds, String keyType, Path serialsOut) throws Exception {
		List<String> bodies = IntStream.range(0, count).parallel().mapToObj((i) -> {
			try {
				return "{\"csr\":\"" + csr(keyType, key(keyType)).replace("\r", "").replace("\n", "\\n")
						+ "\",\"hardwareKey\":false}";
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		long[] latencies = new long[count];
		Arrays.fill(latencies, -2); // never sent
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ConcurrentLinkedQueue<String> serials = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		long[] deadline = new long[1];
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			String[] session = sessions.get(c % sessions.size()).split("\t");
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
			Thread thread = new Thread(() -> {
				try {
					start.await();
					for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline[0];
							i = next.getAndIncrement()) {
						String enterprise = enterprises.get(i % enterprises.size()).strip();
						HttpRequest request = HttpRequest
							.newBuilder(URI.create(base + "/api/v1/staff/ra/enterprises/" + enterprise + "/certificates"))
							.timeout(Duration.ofSeconds(120))
							.header("Content-Type", "application/json")
							.header("Cookie", session[0])
							.header("X-XSRF-TOKEN", session[1])
							.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
							.build();
						long t0 = System.nanoTime();
						int status;
						String body;
						try {
							HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
							status = response.statusCode();
							body = response.body();
						}
						catch (IOException ex) {
							status = -1;
							body = ex.toString();
						}
						latencies[i] = System.nanoTime() - t0;
						Matcher serial = SERIAL.matcher(body);
						if (status == 201 && serial.find()) {
							serials.add(serial.group(1));
						}
						else {
							errors.incrementAndGet();
							latencies[i] = -1;
							if (problems.size() < 3) {
								problems.add(status + " " + body.substring(0, Math.min(300, body.length())));
							}
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			threads.add(thread);
		}
		long t0 = System.nanoTime();
		deadline[0] = t0 + (long) (maxSeconds * 1e9);
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		problems.forEach((p) -> System.err.println("issue error: " + p));
		Files.write(serialsOut, serials, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		long[] ok = Arrays.stream(latencies).filter((l) -> l >= 0).sorted().toArray();
		int sent = (int) Arrays.stream(latencies).filter((l) -> l != -2).count();
		System.out.printf(Locale.ROOT,
				"ISSUEJSON {\"clients\":%d,\"requests\":%d,\"ok\":%d,\"errors\":%d,\"seconds\":%.3f,\"ops\":%.1f,"
						+ "\"p50_ms\":%.1f,\"p90_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f}%n",
				clients, sent, ok.length, errors.get(), seconds, ok.length / seconds, ms(ok, 50), ms(ok, 90),
				ms(ok, 99), ms(ok, 100));
	}

	/** Nearest-rank percentile in milliseconds. */
	static double ms(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(percentile / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
	}

	static KeyPair key(String type) throws Exception {
		KeyPairGenerator generator;
		switch (type) {
			case "RSA_2048" -> {
				generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
			}
			case "SM2" -> {
				generator = KeyPairGenerator.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME);
				generator.initialize(new ECGenParameterSpec("sm2p256v1"));
			}
			default -> {
				generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"));
			}
		}
		return generator.generateKeyPair();
	}

	static String csr(String type, KeyPair key) throws Exception {
		JcaContentSignerBuilder signer = new JcaContentSignerBuilder(signatureAlgorithm(type));
		if ("SM2".equals(type)) {
			signer.setProvider(BouncyCastleProvider.PROVIDER_NAME);
		}
		Object request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=bench"), key.getPublic())
			.build(signer.build(key.getPrivate()));
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(request);
		}
		return text.toString();
	}

	static String signatureAlgorithm(String type) {
		return switch (type) {
			case "RSA_2048" -> "SHA256withRSA";
			case "SM2" -> "SM3withSM2";
			default -> "SHA256withECDSA";
		};
	}

	/** The provider the server's software key store signs with (CaHierarchy): SunEC, SunRsaSign, BC for SM2. */
	static String serverProvider(String type) {
		return switch (type) {
			case "RSA_2048" -> "SunRsaSign";
			case "SM2" -> BouncyCastleProvider.PROVIDER_NAME;
			default -> "SunEC";
		};
	}

	// --- signing floor inside the JVM

	static void floor(String type, double seconds, int threads, String provider) throws Exception {
		PrivateKey key = key(type).getPrivate();
		byte[] data = new byte[600]; // about the size of a to-be-signed certificate
		// the first round warms up: the JIT needs thousands of signatures before the
		// signing path runs compiled, and a long-running server has long done those
		double rate = 0;
		for (int round = 0; round < 2; round++) {
			long[] done = new long[threads];
			List<Thread> workers = new ArrayList<>();
			long t0 = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int slot = t;
				Thread worker = new Thread(() -> done[slot] = sign(type, provider, key, data, seconds));
				worker.start();
				workers.add(worker);
			}
			for (Thread worker : workers) {
				worker.join();
			}
			rate = Arrays.stream(done).sum() / ((System.nanoTime() - t0) / 1e9);
		}
		System.out.printf(Locale.ROOT, "FLOORJSON {\"alg\":\"%s\",\"provider\":\"%s\",\"threads\":%d,\"sign_per_s\":%.1f}%n",
				type, provider, threads, rate);
	}

	static long sign(String type, String provider, PrivateKey key, byte[] data, double seconds) {
		try {
			long end = System.nanoTime() + (long) (seconds * 1e9);
			long n = 0;
			while (System.nanoTime() < end) {
				Signature signature = Signature.getInstance(signatureAlgorithm(type), provider);
				signature.initSign(key);
				data[(int) (n % data.length)]++;
				signature.update(data);
				signature.sign();
				n++;
			}
			return n;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- CRL encoding floor

	static void crl(int entries, String type) throws Exception {
		KeyPair key = key(type);
		// warm-up, so a small CRL is not timed in the interpreter
		for (int i = 0; i < 3; i++) {
			build(Math.min(entries, 20_000), type, key);
		}
		build(entries, type, key).forEach(System.out::println);
	}

	static List<String> build(int entries, String type, KeyPair key) throws Exception {
		java.util.Random random = new java.util.Random(42);
		BigInteger[] serials = new BigInteger[entries];
		for (int i = 0; i < entries; i++) {
			byte[] bytes = new byte[16];
			random.nextBytes(bytes);
			bytes[0] = (byte) ((bytes[0] & 0x7f) | 0x10);
			serials[i] = new BigInteger(1, bytes);
		}
		Date now = new Date();
		long t0 = System.nanoTime();
		X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=GovTrust Legal Person CA,O=GovTrust,C=CN"), now);
		builder.setNextUpdate(new Date(now.getTime() + 86_400_000L));
		for (int i = 0; i < entries; i++) {
			builder.addCRLEntry(serials[i], new Date(now.getTime() - i * 1000L), 1 + (i % 5 == 0 ? 2 : 0));
		}
		long t1 = System.nanoTime();
		byte[] der = builder.build(new JcaContentSignerBuilder(signatureAlgorithm(type)).setProvider(serverProvider(type))
			.build(key.getPrivate())).getEncoded();
		long t2 = System.nanoTime();
		return List.of(String.format(Locale.ROOT,
				"CRLJSON {\"entries\":%d,\"add_ms\":%.0f,\"sign_encode_ms\":%.0f,\"total_ms\":%.0f,\"bytes\":%d}",
				entries, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, der.length));
	}

}
