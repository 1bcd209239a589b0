package org.govtrust.sso;

import java.util.List;

/**
 * An authorization request waiting for the signed-in person's consent, as the consent page
 * shows it.
 *
 * @param app the app asking
 * @param state the state to post back with the answer
 * @param scopes the scopes it asked for, {@code openid} first
 */
public record ConsentRequest(ClientView app, String state, List<Scope> scopes) {

	/**
	 * Whether the app asked for a scope.
	 * @param name the scope
	 * @return true when asked for
	 */
	public boolean asks(String name) {
		return this.scopes.stream().anyMatch((scope) -> scope.name().equals(name));
	}

	@Override
	public String toString() {
		return "ConsentRequest[" + this.app.clientId() + ", " + this.scopes + "]";
	}

	/**
	 * One scope asked for.
	 *
	 * @param name the scope
	 * @param required {@code openid}: always part of the answer, not a choice
	 * @param granted granted to this app earlier: not asked again
	 * @param described one of the scopes GovTrust issues claims for (has a description)
	 */
	public record Scope(String name, boolean required, boolean granted, boolean described) {

	}

}
