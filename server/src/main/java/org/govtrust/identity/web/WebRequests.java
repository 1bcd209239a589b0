package org.govtrust.identity.web;

import org.jspecify.annotations.Nullable;

/**
 * Small helpers for request bodies.
 */
final class WebRequests {

	private WebRequests() {
	}

	static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

}
