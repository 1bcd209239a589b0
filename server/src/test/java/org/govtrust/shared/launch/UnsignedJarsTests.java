package org.govtrust.shared.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnsignedJars}: a jar signed by the JDK's own signer loses its signature files
 * and nothing else, and a jar without them is left as it was.
 */
class UnsignedJarsTests {

	private static final Map<String, byte[]> CONTENT = content();

	@TempDir
	Path folder;

	@Test
	void stripWhenSignedJarThenOnlyTheSignatureFilesAreGoneAndNoClassIsSigned() throws Exception {
		Path jar = signed(unsigned(this.folder.resolve("plain.jar")), this.folder.resolve("library.jar"));
		Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");
		Files.setPosixFilePermissions(jar, permissions);
		assertThat(signers(jar)).as("the test jar is signed").isNotEmpty();
		List<String> before = names(jar);
		assertThat(before).anyMatch((name) -> name.endsWith(".SF")).anyMatch((name) -> name.endsWith(".EC"));

		assertThat(UnsignedJars.strip(jar)).isTrue();

		assertThat(signers(jar)).isEmpty();
		assertThat(Files.getPosixFilePermissions(jar)).isEqualTo(permissions);
		assertThat(names(jar)).containsExactlyElementsOf(
				before.stream().filter((name) -> !UnsignedJars.isSignature(name)).toList());
		try (ZipFile file = new ZipFile(jar.toFile())) {
			for (Map.Entry<String, byte[]> entry : CONTENT.entrySet()) {
				try (InputStream in = file.getInputStream(file.getEntry(entry.getKey()))) {
					assertThat(in.readAllBytes()).as(entry.getKey()).isEqualTo(entry.getValue());
				}
			}
		}
		try (JarFile file = new JarFile(jar.toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
			assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
				.isEqualTo("org.example.library");
			assertThat(file.isMultiRelease()).isTrue();
			try (InputStream in = file.getInputStream(file.getJarEntry("org/example/Library.class"))) {
				assertThat(in.readAllBytes()).as("the versioned class on this JDK")
					.isEqualTo(CONTENT.get("META-INF/versions/9/org/example/Library.class"));
			}
		}
		try (var files = Files.list(this.folder)) {
			assertThat(files).as("no temporary file is left").hasSize(2);
		}
	}

	@Test
	void stripWhenUnsignedJarThenFileIsUntouched() throws Exception {
		Path jar = unsigned(this.folder.resolve("plain.jar"));
		FileTime modified = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
		Files.setLastModifiedTime(jar, modified);
		byte[] bytes = Files.readAllBytes(jar);

		assertThat(UnsignedJars.strip(jar)).isFalse();

		assertThat(Files.readAllBytes(jar)).isEqualTo(bytes);
		assertThat(Files.getLastModifiedTime(jar)).isEqualTo(modified);
	}

	@Test
	void mainWhenSeveralJarsThenEachSignedOneIsStrippedAndTheOthersLeft() throws Exception {
		Path plain = unsigned(this.folder.resolve("plain.jar"));
		Path library = signed(plain, this.folder.resolve("library.jar"));
		byte[] plainBytes = Files.readAllBytes(plain);

		UnsignedJars.main(new String[] { plain.toString(), library.toString() });

		assertThat(signers(library)).isEmpty();
		assertThat(names(library)).noneMatch(UnsignedJars::isSignature);
		assertThat(Files.readAllBytes(plain)).isEqualTo(plainBytes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "META-INF/BCRSA204.SF", "META-INF/BCRSA204.RSA", "META-INF/SIGNER.DSA",
			"META-INF/SIGNER.EC", "META-INF/SIG-OTHER.X", "META-INF/signer.sf", "meta-inf/SIGNER.RSA" })
	void isSignatureWhenSignatureFileThenTrue(String name) {
		assertThat(UnsignedJars.isSignature(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "META-INF/MANIFEST.MF", "META-INF/versions/9/SIGNER.SF", "META-INF/services/X.RSA",
			"org/example/SIGNER.SF", "META-INF/", "META-INF/LICENSE.txt" })
	void isSignatureWhenOtherEntryThenFalse(String name) {
		assertThat(UnsignedJars.isSignature(name)).isFalse();
	}

	private static Map<String, byte[]> content() {
		Map<String, byte[]> content = new LinkedHashMap<>();
		content.put("org/example/Library.class", bytes("class bytes"));
		content.put("META-INF/versions/9/org/example/Library.class", bytes("class bytes for Java 9"));
		content.put("META-INF/services/org.example.Service", bytes("org.example.Library\n"));
		content.put("META-INF/LICENSE.txt", bytes("licence 许可"));
		return content;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Path unsigned(Path jar) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
		manifest.getMainAttributes().putValue("Automatic-Module-Name", "org.example.library");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
			for (Map.Entry<String, byte[]> entry : CONTENT.entrySet()) {
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		return jar;
	}

	private static Path signed(Path unsigned, Path jar) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=Test Signer");
		Instant now = Instant.now();
		byte[] encoded = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)),
				Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic())
			.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
			.getEncoded();
		X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new java.io.ByteArrayInputStream(encoded));
		JarSigner signer = new JarSigner.Builder(keys.getPrivate(),
				CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)))
			.signerName("SIGNER")
			.build();
		try (ZipFile in = new ZipFile(unsigned.toFile()); OutputStream out = Files.newOutputStream(jar)) {
			signer.sign(in, out);
		}
		return jar;
	}

	/** The code signers of every class entry, as the class loader would see them. */
	private static List<Object> signers(Path jar) throws IOException {
		List<Object> signers = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile(), true)) {
			for (JarEntry entry : Collections.list(file.entries())) {
				if (!entry.getName().endsWith(".class")) {
					continue;
				}
				try (InputStream in = file.getInputStream(entry)) {
					in.readAllBytes();
				}
				if (entry.getCodeSigners() != null) {
					signers.addAll(List.of(entry.getCodeSigners()));
				}
			}
		}
		return signers;
	}

	private static List<String> names(Path jar) throws IOException {
		try (ZipFile file = new ZipFile(jar.toFile())) {
			return file.stream().map((entry) -> entry.getName()).toList();
		}
	}

}
