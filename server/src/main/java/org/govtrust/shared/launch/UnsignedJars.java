package org.govtrust.shared.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files from the signed library jars of an unpacked GovTrust, so that the
 * JVM's class cache can hold their classes. {@code bin/govtrust} runs it once, on the copy it
 * unpacks for a new jar and owns, before its training start:
 * {@code java -cp govtrust.jar org.govtrust.shared.launch.UnsignedJars lib/*.jar}.
 * <p>
 * Why: the class cache (AOT cache on JDK 25, AppCDS before) leaves out every class of a signed
 * jar. Bouncy Castle's three jars are signed, and their 1,016 classes that a start loads were then
 * read, verified and linked from the jars at every start, and kept the compilers busy with the
 * class loader's own code: a start with the cache took about 1 s more CPU (README, under
 * {@code bin/govtrust}).
 * <p>
 * What it changes: the signature files ({@code META-INF/*.SF}, {@code *.RSA}, {@code *.DSA},
 * {@code *.EC}, {@code SIG-*}) are left out; every other entry, the manifest included, keeps its
 * name, content, time and place in the order (recompressed; extra fields and comments are not
 * copied). A jar without signature files is not touched. The signatures protect nothing
 * here: the jar GovTrust was built from was checked by the build, and the unsigned jars next to
 * them (Spring's, Tomcat's) could be altered as easily. OpenJDK does not require JCE providers to
 * be signed; Oracle's JDK does, so the launcher runs this only on an OpenJDK runtime.
 */
public final class UnsignedJars {

	private UnsignedJars() {
	}

	/**
	 * Strips the signatures from each jar named; a failure ends the process with a stack trace
	 * and a non-zero status, and the launcher then starts with the jars as they are.
	 * @param jars the jars' paths
	 */
	public static void main(String[] jars) {
		for (String jar : jars) {
			strip(Path.of(jar));
		}
	}

	/**
	 * Rewrites the jar without its signature files, through a temporary file beside it that
	 * replaces it only once complete.
	 * @param jar the jar
	 * @return whether it had signature files (otherwise it is left untouched)
	 */
	static boolean strip(Path jar) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			if (zip.stream().noneMatch((entry) -> isSignature(entry.getName()))) {
				return false;
			}
			Path temporary = Files.createTempFile(jar.toAbsolutePath().getParent(), ".unsigning", ".jar");
			try {
				try (OutputStream file = Files.newOutputStream(temporary);
						ZipOutputStream out = new ZipOutputStream(file)) {
					out.setLevel(Deflater.BEST_SPEED); // once per new jar, on the launcher's copy
					for (ZipEntry entry : Collections.list(zip.entries())) {
						if (isSignature(entry.getName())) {
							continue;
						}
						ZipEntry copy = new ZipEntry(entry.getName());
						copy.setTime(entry.getTime());
						out.putNextEntry(copy);
						try (InputStream in = zip.getInputStream(entry)) {
							in.transferTo(out);
						}
						out.closeEntry();
					}
				}
				if (Files.getFileStore(jar).supportsFileAttributeView(PosixFileAttributeView.class)) {
					// a temporary file is readable by its owner only; the jar keeps its own permissions
					Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(jar));
				}
				Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException | RuntimeException ex) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException cleanup) {
					ex.addSuppressed(cleanup);
				}
				throw ex;
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove the signatures from " + jar, ex);
		}
	}

	/**
	 * Whether the entry is a jar signature file, as {@link java.util.jar.JarFile} recognises
	 * them: directly in {@code META-INF}, a signature file ({@code .SF}), a signature block
	 * ({@code .RSA}, {@code .DSA}, {@code .EC}) or a {@code SIG-} file.
	 */
	static boolean isSignature(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
			return false;
		}
		String file = upper.substring("META-INF/".length());
		return file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC")
				|| file.startsWith("SIG-");
	}

}
