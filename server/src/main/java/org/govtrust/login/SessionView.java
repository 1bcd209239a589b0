package org.govtrust.login;

import java.time.Instant;

/**
 * A signed-in session (device), as its owner sees it.
 *
 * @param id an opaque handle to end it ({@link SessionIds}: not the session id, a credential)
 * @param createdAt when it began
 * @param lastAccessedAt when it was last used
 * @param userAgent the browser that holds it
 * @param address the masked address it began from
 * @param current whether it is the session showing this list
 */
public record SessionView(String id, Instant createdAt, Instant lastAccessedAt, String userAgent, String address,
		boolean current) {

}
