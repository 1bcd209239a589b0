package org.govtrust.assistant;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemReader;
import org.govtrust.assistant.cli.Cli;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.token.PinGuard;
import org.govtrust.assistant.token.PinStateStore;
import org.govtrust.assistant.token.SoftToken;
import org.govtrust.assistant.token.Token;
import org.govtrust.assistant.token.TokenRegistry;

/** A soft token in a temporary directory, with the assistant around it. */
public final class Fixture {

	public static final String PIN = "123456";

	public final Path directory;

	public final Path file;

	public final Path stateDir;

	public final Assistant assistant;

	public final SoftToken token;

	public Fixture(Path directory) {
		this(directory, 6);
	}

	public Fixture(Path directory, int maxTries) {
		this.directory = directory;
		this.file = directory.resolve("enterprise.p12");
		this.stateDir = directory.resolve("state");
		this.token = SoftToken.create(file, PIN.toCharArray());
		this.assistant = new Assistant(new TokenRegistry(List.of(), List.of(file)),
				new PinGuard(new PinStateStore(stateDir, maxTries)), Clock.systemUTC());
	}

	public String id() {
		return token.id();
	}

	/** keygen on the soft token; returns the CSR. */
	public PKCS10CertificationRequest keygen(KeyAlgorithm algorithm, String alias, String subject) {
		Assistant.KeygenResult result = assistant.keygen(token, PIN.toCharArray(), alias, algorithm, Certs.parseSubject(subject));
		return csr(result.csrPem());
	}

	/** keygen, then issue with the CA and install; returns the installed certificate. */
	public X509Certificate enrol(TestCa ca, KeyAlgorithm algorithm, String alias) {
		PKCS10CertificationRequest csr = keygen(algorithm, alias, "CN=示例科技有限公司,O=示例科技有限公司,C=CN");
		X509Certificate certificate = ca.issue(csr);
		install(certificate, ca.certificate);
		return certificate;
	}

	public void install(X509Certificate... chain) {
		StringBuilder pem = new StringBuilder();
		for (X509Certificate certificate : chain) {
			pem.append(Certs.pem(certificate));
		}
		assistant.install(token, PIN.toCharArray(), pem.toString().getBytes(StandardCharsets.US_ASCII), null);
	}

	public static PKCS10CertificationRequest csr(String pem) {
		try (PemReader reader = new PemReader(new java.io.StringReader(pem))) {
			return new PKCS10CertificationRequest(reader.readPemObject().getContent());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public Token freshToken() {
		return assistant.registry().find(id());
	}

	/** Runs the command line in-process with this soft token and state directory. */
	public CliRun cli(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--pkcs11-library", "none", "--pkcs12", file.toString(), "--state-dir", stateDir.toString()));
		return CliRun.run(all.toArray(new String[0]), "");
	}

	/** Result of an in-process command line run. */
	public record CliRun(int exitCode, String out, String err) {

		public static CliRun run(String[] args, String stdin) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
					new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of(), Clock.systemUTC()).run(args);
			return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
	}
}
