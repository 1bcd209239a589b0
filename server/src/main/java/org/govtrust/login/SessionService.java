package org.govtrust.login;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.govtrust.identity.AccountStatus;
import org.govtrust.identity.AccountStatusChanged;
import org.govtrust.identity.PasswordChanged;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The signed-in sessions of an account, kept in the database (Spring Session JDBC) so they
 * survive restarts and are shared by all nodes. Owners see and end them; a password reset,
 * deactivation or return to activation ends all of them at once.
 */
@Service
public class SessionService {

	/** Session attribute: the browser that signed in. */
	public static final String USER_AGENT = "govtrust.userAgent";

	/** Session attribute: the masked address it signed in from. */
	public static final String ADDRESS = "govtrust.address";

	/**
	 * Session attribute: the ids the session had before its person signed in again in it (a
	 * step-up), space-separated, newest last: apps signed in to under an earlier id are told
	 * when the session ends.
	 */
	public static final String EARLIER_IDS = "govtrust.earlierIds";

	/** The most earlier ids a session remembers. */
	static final int MAX_EARLIER_IDS = 16;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public SessionService(FindByIndexNameSessionRepository<? extends Session> sessions,
			ApplicationEventPublisher events, Clock clock) {
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Announces that a session of a principal ended: signed out, taken over by someone else
	 * signing in on that browser, or timed out (the caller has ended it).
	 * @param principalName whose
	 * @param sessionId the session's id
	 * @param earlierIds its {@link #EARLIER_IDS} attribute
	 */
	public void signedOut(String principalName, String sessionId, @Nullable Object earlierIds) {
		this.events.publishEvent(new SignedOut(principalName, ids(sessionId, earlierIds), this.clock.instant()));
	}

	/**
	 * The value of {@link #EARLIER_IDS} once a session's id changed because its person signed
	 * in again.
	 * @param earlierIds the attribute's value so far
	 * @param previousId the id the session had
	 * @return the new value
	 */
	public static String withEarlierId(@Nullable Object earlierIds, String previousId) {
		List<String> ids = earlier(earlierIds);
		ids.add(previousId);
		return String.join(" ", ids.subList(Math.max(0, ids.size() - MAX_EARLIER_IDS), ids.size()));
	}

	private static List<String> ids(String sessionId, @Nullable Object earlierIds) {
		List<String> ids = earlier(earlierIds);
		ids.add(0, sessionId);
		return ids;
	}

	/**
	 * The ids a session had before, from its {@link #EARLIER_IDS} attribute.
	 * @param earlierIds the attribute's value
	 * @return the ids, oldest first (a new list)
	 */
	public static List<String> earlier(@Nullable Object earlierIds) {
		List<String> ids = new ArrayList<>();
		if (earlierIds instanceof String earlier && !earlier.isBlank()) {
			ids.addAll(List.of(earlier.strip().split(" +")));
		}
		return ids;
	}

	/**
	 * The sessions of a principal.
	 * @param principalName {@link SignedIn#getName()}
	 * @param currentSessionId the session asking, marked as current
	 * @return newest first
	 */
	public List<SessionView> list(String principalName, @Nullable String currentSessionId) {
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(principalName);
		return found.values()
			.stream()
			.map((session) -> new SessionView(SessionIds.sid(session.getId()), session.getCreationTime(),
					session.getLastAccessedTime(),
					String.valueOf(session.getAttributeOrDefault(USER_AGENT, "")),
					String.valueOf(session.getAttributeOrDefault(ADDRESS, "")), session.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SessionView::createdAt).reversed())
			.toList();
	}

	/**
	 * Ends one of a principal's sessions.
	 * @param principalName whose
	 * @param handle which: {@link SessionView#id()}, never the session id itself
	 * @throws TrustException {@code LGN-2003} when it is not theirs
	 */
	public void revoke(String principalName, String handle) {
		Session session = this.sessions.findByPrincipalName(principalName)
			.values()
			.stream()
			.filter((candidate) -> SessionIds.sid(candidate.getId()).equals(handle))
			.findFirst()
			.orElseThrow(() -> new TrustException(LoginError.SESSION_NOT_FOUND));
		this.sessions.deleteById(session.getId());
		signedOut(principalName, session.getId(), session.getAttribute(EARLIER_IDS));
	}

	/**
	 * Ends every session of a principal.
	 * @param principalName whose
	 */
	public void revokeAll(String principalName) {
		this.sessions.findByPrincipalName(principalName).keySet().forEach(this.sessions::deleteById);
		this.events.publishEvent(new SignedOut(principalName, List.of(), this.clock.instant()));
	}

	@EventListener
	void on(PasswordChanged event) {
		revokeAll(SignedIn.principalName(SignedIn.Kind.CITIZEN, event.accountId()));
	}

	@EventListener
	void on(AccountStatusChanged event) {
		if (event.status() != AccountStatus.ACTIVE) {
			revokeAll(SignedIn.principalName(SignedIn.Kind.CITIZEN, event.accountId()));
		}
	}

}
