package org.govtrust.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in: a citizen (an identity account), a staff member or an enterprise (a
 * legal person, through its certificate), how (the login method, which gives the assurance
 * level) and when. Kept in the HTTP session, so it holds
 * ids and masked values only.
 *
 * @param id the account, staff or enterprise id
 * @param kind citizen, staff or enterprise
 * @param displayName the masked name shown in the page header
 * @param roles the staff roles, comma-separated (empty for citizens); a plain string keeps the
 * session and authorization JSON free of collection types
 * @param method how they signed in, e.g. {@code PASSWORD}, {@code SMS}, {@code STAFF_PASSWORD_SMS}
 * @param authenticatedAt when
 * @param credential the certificate serial of an enterprise's certificate login; empty
 * otherwise
 */
public record SignedIn(UUID id, Kind kind, String displayName, String roles, String method,
		Instant authenticatedAt, String credential) implements AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Citizen, staff or enterprise. */
	public enum Kind {

		/** A natural person's account. */
		CITIZEN,
		/** A staff member. */
		STAFF,
		/** A legal person, signed in with its certificate. */
		ENTERPRISE

	}

	/**
	 * The staff roles.
	 * @return e.g. {@code [CLERK]}
	 */
	public Set<String> roleSet() {
		return this.roles.isBlank() ? Set.of() : Set.of(this.roles.split(","));
	}

	/**
	 * The name sessions are indexed by: the kind and the id.
	 * @return e.g. {@code citizen:3f2c...}
	 */
	@Override
	public String getName() {
		return principalName(this.kind, this.id);
	}

	/**
	 * The session index name of an account.
	 * @param kind citizen or staff
	 * @param id the id
	 * @return the name
	 */
	public static String principalName(Kind kind, UUID id) {
		return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
	}

}
