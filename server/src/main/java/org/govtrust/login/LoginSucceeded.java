package org.govtrust.login;

import java.time.Instant;

/**
 * Published on every successful sign-in.
 *
 * @param principal {@code citizen:<id>} or {@code staff:<id>}
 * @param method how
 * @param at when
 */
public record LoginSucceeded(String principal, LoginMethod method, Instant at) {

}
