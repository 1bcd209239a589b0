package org.govtrust.assistant;

/** The assistant's version, as compared with the server's latestVersion / minimumVersion. */
public final class Version {

	public static final String VERSION = "0.1.0";

	private Version() {
	}

	/** Compares dotted numeric versions ("0.1.0" < "0.10.2"); a non-numeric part compares as 0. */
	public static int compare(String a, String b) {
		String[] x = a.trim().split("[.\\-+]");
		String[] y = b.trim().split("[.\\-+]");
		for (int i = 0; i < Math.max(x.length, y.length); i++) {
			int c = Integer.compare(number(x, i), number(y, i));
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	private static int number(String[] parts, int i) {
		if (i >= parts.length) {
			return 0;
		}
		try {
			return Integer.parseInt(parts[i]);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
