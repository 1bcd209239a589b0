package org.govtrust.login;

import java.time.Instant;

/**
 * Published when a person's GovTrust session ends: they signed out, ended it from another
 * device, or it ended because the password changed or the account was deactivated. Single
 * sign-on tells every app the person signed in to (back-channel logout).
 *
 * @param principal {@code citizen:<id>} or {@code staff:<id>}
 * @param allSessions whether every session of the person ended (not only one)
 * @param at when
 */
public record SignedOut(String principal, boolean allSessions, Instant at) {

}
