package org.govtrust.login;

import java.time.Instant;

/**
 * Published on every failed sign-in, with the real reason the user is not told.
 *
 * @param key the throttle key ({@code account:<id>} or a keyed hash of an unknown identifier)
 * @param method how it was tried
 * @param reason why it failed
 * @param at when
 */
public record LoginFailed(String key, LoginMethod method, String reason, Instant at) {

}
