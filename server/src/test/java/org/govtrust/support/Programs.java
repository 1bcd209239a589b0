package org.govtrust.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The programs from Debian some tests drive (softhsm2-util, pkcs11-tool, openssl): whether
 * one is installed, so that a test can skip and say so.
 */
public final class Programs {

	private Programs() {
	}

	/**
	 * Whether a program is on the {@code PATH}.
	 * @param program its name
	 * @return whether an executable of that name is found
	 */
	public static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

}
