package org.govtrust.login;

import java.time.Instant;
import java.util.List;

/**
 * Published when a person's GovTrust session ends: they signed out, ended it from another
 * device, or it ended because the password changed or the account was deactivated. Single
 * sign-on tells every app the person signed in to through that session (back-channel logout),
 * or through any of their sessions when all ended.
 *
 * @param principal {@code citizen:<id>}, {@code enterprise:<id>} or {@code staff:<id>}
 * @param sessionIds the ended session's id and the ids it had before (a session gets a new
 * id each time its person signs in again in it, as at a step-up); empty when every session
 * of the person ended
 * @param at when
 */
public record SignedOut(String principal, List<String> sessionIds, Instant at) {

	public SignedOut {
		sessionIds = List.copyOf(sessionIds);
	}

	/**
	 * Whether every session of the person ended (a password reset, a deactivation), not one.
	 * @return whether no session is named
	 */
	public boolean allSessions() {
		return this.sessionIds.isEmpty();
	}

}
