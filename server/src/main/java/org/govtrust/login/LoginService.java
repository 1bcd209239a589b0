package org.govtrust.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.govtrust.identity.AccountService;
import org.govtrust.identity.AccountStatus;
import org.govtrust.identity.AccountView;
import org.govtrust.identity.LoginTarget;
import org.govtrust.identity.PasswordAttempt;
import org.govtrust.identity.PasswordCheck;
import org.govtrust.identity.StaffService;
import org.govtrust.identity.StaffView;
import org.govtrust.login.config.LoginProperties;
import org.govtrust.login.domain.GrowingDelayPolicy;
import org.govtrust.login.persistence.LoginFailures;
import org.govtrust.login.persistence.LoginHistory;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.shared.time.DisplayTime;
import org.govtrust.sms.CodeSent;
import org.govtrust.sms.SmsCodeService;
import org.govtrust.sms.SmsError;
import org.govtrust.sms.SmsPurpose;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs people in.
 * <ul>
 * <li>Citizens: password or SMS code, with an ID number, phone number or login name.</li>
 * <li>Staff: password, then an SMS code to the staff phone.</li>
 * <li>Every failure says the same ({@code LGN-3001}, with the identifiers accepted and the
 * routes to registration, activation and password reset); the real reason goes to the
 * audit trail.</li>
 * <li>Failed passwords slow the password route of that account down with growing delays,
 * and of the network address after many failures; the SMS route has its own limits, so an
 * attacker guessing passwords never locks the owner out of every route.</li>
 * </ul>
 */
@Service
public class LoginService {

	private static final Logger logger = LoggerFactory.getLogger(LoginService.class);

	static final String PASSWORD = "PASSWORD";

	/** How long an attempt waits for the outcome of others still running that could pause it. */
	static final Duration RUNNING_WAIT = Duration.ofSeconds(5);

	/** An attempt recorded as running longer ago than this has ended (its node stopped mid-way). */
	static final Duration RUNNING_AT_MOST = Duration.ofMinutes(1);

	private final AccountService accounts;

	private final StaffService staff;

	private final SmsCodeService smsCodes;

	private final LoginFailures failures;

	private final LoginHistory history;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LoginProperties properties;

	private final GrowingDelayPolicy delays;

	private final TransactionTemplate transactions;

	public LoginService(AccountService accounts, StaffService staff, SmsCodeService smsCodes, LoginFailures failures,
			LoginHistory history, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock,
			LoginProperties properties, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.staff = staff;
		this.smsCodes = smsCodes;
		this.failures = failures;
		this.history = history;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.delays = new GrowingDelayPolicy(properties.freeFailures(), properties.firstDelay(), properties.maxDelay());
		this.transactions = transactions;
	}

	/**
	 * Password login.
	 * @param identifier ID number, phone number or login name
	 * @param password the password
	 * @param client where the attempt comes from
	 * @return who is signed in
	 * @throws TrustException {@code LGN-3001} failed, {@code LGN-3002}/{@code LGN-3003}
	 * paused (retry-after), {@code LGN-2001} the account awaits activation
	 */
	public SignedIn passwordLogin(String identifier, String password, Client client) {
		requireIdentifier(identifier);
		Instant now = this.clock.instant();
		PasswordAttempt accountsNamed = this.accounts.passwordAttempt(identifier);
		String key = accountsNamed.throttleKey();
		Counted attempt = count(key, addressKey(client.address()), now);
		// the hash runs with no transaction open: it is most of a login's time, and a database
		// connection held through it would leave every other request waiting for the pool
		PasswordCheck check = hashOrForget(attempt,
				() -> this.accounts.checkPassword(accountsNamed, password == null ? "" : password));
		if (check instanceof PasswordCheck.PendingActivation) {
			forget(attempt);
			throw new TrustException(LoginError.ACTIVATION_REQUIRED);
		}
		SignedIn signedIn = this.transactions.execute((status) -> {
			if (check instanceof PasswordCheck.Success success) {
				this.failures.clear(key, PASSWORD);
				forget(attempt);
				return signedIn(success.account(), LoginMethod.PASSWORD, client, now);
			}
			failed(attempt);
			PasswordCheck.Failure failure = (PasswordCheck.Failure) check;
			if (failure.accountId() != null) {
				this.history.record(failure.accountId(), LoginMethod.PASSWORD.name(), false, client.maskedAddress(),
						client.userAgent(), now);
			}
			this.events.publishEvent(new LoginFailed(key, LoginMethod.PASSWORD, failure.reason(), now));
			return null;
		});
		if (signedIn == null) {
			throw new TrustException(LoginError.BAD_CREDENTIALS);
		}
		return signedIn;
	}

	/**
	 * Sends an SMS login code to the phone on record of the account an identifier names.
	 * The answer is the same whether or not such an account exists: limits count an
	 * unknown identifier like a phone.
	 * @param identifier ID number, phone number or login name
	 * @param client where the request comes from
	 * @return when the next code can be requested
	 */
	public CodeSent requestSmsCode(String identifier, Client client) {
		requireIdentifier(identifier);
		Optional<LoginTarget> target = this.accounts.smsLoginTarget(identifier)
			.filter((candidate) -> candidate.status() == AccountStatus.ACTIVE);
		if (target.isEmpty()) {
			CodeSent nowhere = this.smsCodes.sendNowhere(this.accounts.throttleKey(identifier), SmsPurpose.LOGIN,
					client.address());
			return new CodeSent("", nowhere.expiresAt(), nowhere.nextSendAt());
		}
		CodeSent sent = this.smsCodes.send(target.get().phone(), SmsPurpose.LOGIN, scope(target.get().accountId()),
				client.address());
		return new CodeSent("", sent.expiresAt(), sent.nextSendAt());
	}

	/**
	 * SMS-code login.
	 * @param identifier the identifier the code was requested with
	 * @param code the code
	 * @param client where the attempt comes from
	 * @return who is signed in
	 * @throws TrustException the SMS code errors ({@code SMS-2005..2008}), the same for an
	 * unknown identifier as for an account without a pending code
	 */
	@Transactional(noRollbackFor = TrustException.class)
	public SignedIn smsLogin(String identifier, String code, Client client) {
		requireIdentifier(identifier);
		Instant now = this.clock.instant();
		Optional<LoginTarget> target = this.accounts.smsLoginTarget(identifier)
			.filter((candidate) -> candidate.status() == AccountStatus.ACTIVE);
		if (target.isEmpty()) {
			if (code == null || !code.strip().matches("[0-9]{6}")) {
				throw TrustException.forField("code", SmsError.CODE_FORMAT);
			}
			throw TrustException.forField("code", SmsError.CODE_NONE);
		}
		this.smsCodes.verify(target.get().phone(), SmsPurpose.LOGIN, scope(target.get().accountId()), code);
		return signedIn(this.accounts.account(target.get().accountId()), LoginMethod.SMS, client, now);
	}

	/**
	 * Staff login, first factor: the password. On success an SMS code goes to the staff phone.
	 * @param loginName the staff login name
	 * @param password the password
	 * @param client where the attempt comes from
	 * @return the staff account waiting for its second factor
	 * @throws TrustException {@code LGN-3001}, {@code LGN-3002}, {@code LGN-3003}
	 */
	public StaffView staffPassword(String loginName, String password, Client client) {
		requireIdentifier(loginName);
		Instant now = this.clock.instant();
		String key = "staff:" + this.cipher.lookupHash("staff-login", loginName.strip().toLowerCase(java.util.Locale.ROOT));
		Counted attempt = count(key, addressKey(client.address()), now);
		// the hash runs with no transaction open, as in passwordLogin
		Optional<StaffView> member = hashOrForget(attempt,
				() -> this.staff.checkPassword(loginName, password == null ? "" : password));
		this.transactions.executeWithoutResult((status) -> {
			if (member.isEmpty()) {
				failed(attempt);
				this.events
					.publishEvent(new LoginFailed(key, LoginMethod.STAFF_PASSWORD_SMS, "wrong staff password", now));
			}
			else {
				this.failures.clear(key, PASSWORD);
				forget(attempt);
			}
		});
		if (member.isEmpty()) {
			throw new TrustException(LoginError.BAD_CREDENTIALS);
		}
		this.smsCodes.send(this.staff.phone(member.get().id()), SmsPurpose.LOGIN, "staff:" + member.get().id(),
				client.address());
		return member.get();
	}

	/**
	 * Staff login, second factor: the SMS code.
	 * @param staffId the staff account that passed the first factor
	 * @param code the code
	 * @param client where the attempt comes from
	 * @return who is signed in, with the staff roles
	 */
	@Transactional(noRollbackFor = TrustException.class)
	public SignedIn staffCode(UUID staffId, String code, Client client) {
		this.smsCodes.verify(this.staff.phone(staffId), SmsPurpose.LOGIN, "staff:" + staffId, code);
		StaffView member = this.staff.get(staffId);
		Instant now = this.clock.instant();
		String roles = member.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		SignedIn signedIn = new SignedIn(member.id(), SignedIn.Kind.STAFF, member.name(), roles,
				LoginMethod.STAFF_PASSWORD_SMS.name(), now, "");
		this.history.record(member.id(), LoginMethod.STAFF_PASSWORD_SMS.name(), true, client.maskedAddress(),
				client.userAgent(), now);
		this.events.publishEvent(new LoginSucceeded(signedIn.getName(), LoginMethod.STAFF_PASSWORD_SMS, now));
		return signedIn;
	}

	/**
	 * Signs in the owner of an account just activated (they proved the phone with a code).
	 * @param account the activated account
	 * @param client where they are
	 * @return who is signed in
	 */
	@Transactional
	public SignedIn signInActivated(AccountView account, Client client) {
		return signedIn(account, LoginMethod.SMS, client, this.clock.instant());
	}

	/**
	 * The owner's recent sign-ins and failed attempts.
	 * @param principalId the account
	 * @return newest first
	 */
	@Transactional(readOnly = true)
	public List<LoginRecord> history(UUID principalId) {
		return this.history.recent(principalId, 20);
	}

	private SignedIn signedIn(AccountView account, LoginMethod method, Client client, Instant now) {
		SignedIn signedIn = new SignedIn(account.id(), SignedIn.Kind.CITIZEN, account.name(), "", method.name(),
				now, "");
		this.history.record(account.id(), method.name(), true, client.maskedAddress(), client.userAgent(), now);
		this.events.publishEvent(new LoginSucceeded(signedIn.getName(), method, now));
		return signedIn;
	}

	/**
	 * Forgets failed sign-ins older than every window that counts them, every hour (a success
	 * forgets its own account's at once; the failures of addresses and of unknown identifiers
	 * have no success to clear them).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public void purgeOldFailures() {
		Duration window = Collections.max(List.of(this.properties.failureWindow(), this.properties.addressWindow()));
		int removed = this.failures.purgeBefore(this.clock.instant().minus(window));
		if (removed > 0) {
			logger.info("Purged {} failed sign-ins older than {}", removed, window);
		}
	}

	/**
	 * Forgets the login history older than {@code govtrust.login.history-retention} (180 days
	 * unless set), every hour, a thousand entries a statement so that sign-ins recorded
	 * meanwhile never wait long.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public void purgeOldHistory() {
		Duration kept = this.properties.historyRetention();
		int removed = this.history.purgeBefore(this.clock.instant().minus(kept), 1000);
		if (removed > 0) {
			logger.info("Purged {} login history entries older than {} days", removed, kept.toDays());
		}
	}

	/**
	 * Records a password attempt as running before its hash runs, then checks the pauses.
	 * Each record is committed before the check that follows it, so of two attempts at once
	 * at least one sees the other: however many guesses are sent together, no more are hashed
	 * than would be one after another (without this, a burst would all pass the check before
	 * any of it failed). The pause itself is worked out from real failures alone; an attempt
	 * that would be over the limit only if the ones still running failed waits a few seconds
	 * ({@link #RUNNING_WAIT}) for their outcome, so a busy network address (many people behind
	 * one gateway signing in at once) is never paused for long by logins that succeed.
	 * @return the attempt's records, to mark failed or to forget
	 * @throws TrustException {@code LGN-3003} or {@code LGN-3002} when paused (and then
	 * nothing stays recorded)
	 */
	private Counted count(String key, String addressKey, Instant now) {
		Counted attempt = new Counted(this.failures.running(addressKey, PASSWORD, now),
				this.failures.running(key, PASSWORD, now));
		try {
			ensureNotLocked(addressKey, attempt.addressFailure(), now, this.properties.addressWindow(),
					LoginError.ADDRESS_LOCKED);
			ensureNotLocked(key, attempt.keyFailure(), now, this.properties.failureWindow(),
					LoginError.PASSWORD_LOCKED);
		}
		catch (RuntimeException ex) {
			forget(attempt);
			throw ex;
		}
		return attempt;
	}

	private <T> T hashOrForget(Counted attempt, Supplier<T> hash) {
		try {
			return hash.get();
		}
		catch (RuntimeException ex) {
			forget(attempt);
			throw ex;
		}
	}

	private void failed(Counted attempt) {
		this.failures.failed(attempt.addressFailure());
		this.failures.failed(attempt.keyFailure());
	}

	private void forget(Counted attempt) {
		this.failures.forget(attempt.addressFailure());
		this.failures.forget(attempt.keyFailure());
	}

	private void ensureNotLocked(String key, long own, Instant now, Duration window, LoginError error) {
		List<LoginFailures.Attempt> recent = this.failures.since(key, PASSWORD, now.minus(window),
				now.minus(RUNNING_AT_MOST), own);
		List<Instant> failed = recent.stream().filter((other) -> !other.running()).map(LoginFailures.Attempt::at).toList();
		Instant until = lockedUntil(failed, now, window, error);
		if (until == null && failed.size() < recent.size()
				&& lockedUntil(recent.stream().map(LoginFailures.Attempt::at).toList(), now, window, error) != null) {
			until = now.plus(RUNNING_WAIT); // over the limit if the attempts still running fail
		}
		if (until != null) {
			throw TrustException.retryAfter(Duration.between(now, until), error, DisplayTime.format(until));
		}
	}

	private @Nullable Instant lockedUntil(List<Instant> failed, Instant now, Duration window, LoginError error) {
		Instant until;
		if (error == LoginError.ADDRESS_LOCKED) {
			int limit = this.properties.addressFailures();
			until = (failed.size() >= limit) ? failed.stream().sorted().toList().get(failed.size() - limit).plus(window)
					: null;
		}
		else {
			until = this.delays.lockedUntil(failed, now);
		}
		return (until != null && until.isAfter(now)) ? until : null;
	}

	private String addressKey(String address) {
		return "address:" + this.cipher.lookupHash("address", address);
	}

	private static String scope(UUID accountId) {
		return "login:" + accountId;
	}

	private static void requireIdentifier(String identifier) {
		if (identifier == null || identifier.isBlank()) {
			throw TrustException.forField("identifier", LoginError.IDENTIFIER_REQUIRED);
		}
	}

	/**
	 * A password attempt's records, made before its outcome is known.
	 *
	 * @param addressFailure the one counted against the network address
	 * @param keyFailure the one counted against the account (or identifier)
	 */
	private record Counted(long addressFailure, long keyFailure) {
	}

	/**
	 * Where an attempt comes from.
	 *
	 * @param address the network address
	 * @param userAgent the browser
	 */
	public record Client(String address, String userAgent) {

		/**
		 * The address as shown to the owner: the last part hidden.
		 * @return e.g. {@code 203.0.113.*}
		 */
		public String maskedAddress() {
			int cut = Math.max(this.address.lastIndexOf('.'), this.address.lastIndexOf(':'));
			return cut > 0 ? this.address.substring(0, cut + 1) + "*" : "*";
		}

	}

}
