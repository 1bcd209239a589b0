package org.govtrust.shared.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants for messages people read: Beijing time, to the second.
 */
public final class DisplayTime {

	/** The zone all times are shown in. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

	private DisplayTime() {
	}

	/**
	 * Formats an instant.
	 * @param instant the instant
	 * @return e.g. {@code 2026-11-22 17:05:00}
	 */
	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}
