package org.govtrust.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.govtrust.identity.domain.Account;
import org.govtrust.identity.domain.AccountLookup;
import org.govtrust.identity.domain.AccountRepository;
import org.govtrust.identity.persistence.AccountChanges;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.Masking;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.time.DisplayTime;
import org.govtrust.sms.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as the rest of the platform uses them: checking a password for any of the three
 * identifiers, finding where an SMS login goes, the owner's account details, and the
 * "may handle business registration" switch that other modules ask about.
 */
@Service
public class AccountService {

	/** The longest validity period of the business-registration switch. */
	public static final int BUSINESS_REGISTRATION_MAX_DAYS = 366;

	private final AccountRepository accounts;

	private final AccountLookup lookup;

	private final AccountChanges changes;

	private final PasswordEncoder passwordEncoder;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile String dummyHash;

	public AccountService(AccountRepository accounts, AccountLookup lookup, AccountChanges changes,
			PasswordEncoder passwordEncoder, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.lookup = lookup;
		this.changes = changes;
		this.passwordEncoder = passwordEncoder;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The accounts an identifier names, for a password sign-in: the caller counts the
	 * attempt under its {@link PasswordAttempt#throttleKey() key}, then checks the password
	 * with {@link #checkPassword(PasswordAttempt, String)}, without looking the accounts up
	 * again.
	 * @param identifier ID number, phone number or login name, as typed
	 * @return the attempt
	 */
	@Transactional(readOnly = true)
	public PasswordAttempt passwordAttempt(String identifier) {
		List<Account> candidates = this.lookup.find(identifier, today());
		return new PasswordAttempt(candidates, throttleKey(identifier, candidates));
	}

	/**
	 * Checks a password against the accounts of an attempt.
	 * @param attempt from {@link #passwordAttempt(String)}
	 * @param password the password
	 * @return the outcome; all failures look the same to the caller's user
	 */
	// no transaction: the hash must not hold a database connection (see LoginService)
	public PasswordCheck checkPassword(PasswordAttempt attempt, String password) {
		List<Account> candidates = attempt.candidates();
		if (candidates.isEmpty()) {
			this.passwordEncoder.matches(password, dummyHash());
			return new PasswordCheck.Failure(null, "unknown identifier");
		}
		if (candidates.size() == 1 && candidates.get(0).getStatus() == AccountStatus.PENDING_ACTIVATION) {
			return new PasswordCheck.PendingActivation(candidates.get(0).getId());
		}
		for (Account account : candidates) {
			if (account.hasPassword() && this.passwordEncoder.matches(password, account.getPasswordHash())) {
				if (account.getStatus() != AccountStatus.ACTIVE) {
					return new PasswordCheck.Failure(account.getId(), "account " + account.getStatus());
				}
				return new PasswordCheck.Success(AccountViews.of(account));
			}
		}
		UUID only = (candidates.size() == 1) ? candidates.get(0).getId() : null;
		return new PasswordCheck.Failure(only, "wrong password");
	}

	/**
	 * The key login throttling counts failures under: the account when the identifier
	 * means exactly one, otherwise a keyed hash of the identifier itself (so unknown
	 * identifiers behave exactly like known ones).
	 * @param identifier what was typed
	 * @return the key
	 */
	@Transactional(readOnly = true)
	public String throttleKey(String identifier) {
		return throttleKey(identifier, this.lookup.find(identifier, today()));
	}

	private String throttleKey(String identifier, List<Account> candidates) {
		return (candidates.size() == 1) ? "account:" + candidates.get(0).getId()
				: "identifier:" + this.lookup.unknownKey(identifier);
	}

	/**
	 * Where an SMS login for an identifier goes: an active account with exactly one match.
	 * @param identifier what was typed
	 * @return the target, or empty (the caller answers the same either way)
	 */
	@Transactional(readOnly = true)
	public Optional<LoginTarget> smsLoginTarget(String identifier) {
		List<Account> candidates = this.lookup.find(identifier, today());
		if (candidates.size() != 1) {
			return Optional.empty();
		}
		Account account = candidates.get(0);
		return Optional.of(new LoginTarget(account.getId(), new MobileNumber(this.cipher.decrypt(account.getPhoneCipher())),
				account.getStatus()));
	}

	/**
	 * An account.
	 * @param id the account id
	 * @return the account, masked
	 */
	@Transactional(readOnly = true)
	public AccountView account(UUID id) {
		return AccountViews.of(load(id));
	}

	/**
	 * What single sign-on may release about a person, to apps allowed to receive it.
	 * @param id the account
	 * @return the claims
	 */
	@Transactional(readOnly = true)
	public PersonClaims claims(UUID id) {
		Account account = load(id);
		return new PersonClaims(account.getName(), Masking.name(account.getName()), account.getIdNumberMasked(),
				this.cipher.decrypt(account.getIdNumberCipher()), account.getPhoneMasked(), account.getRealNameLevel(),
				account.getStatus());
	}

	/**
	 * What the owner sees on the account page.
	 * @param id the account id
	 * @return the details
	 */
	@Transactional(readOnly = true)
	public AccountDetails details(UUID id) {
		Account account = load(id);
		return new AccountDetails(AccountViews.of(account), account.getCardValidFrom(), account.getCardValidTo(),
				account.isBusinessRegistration(), account.getBusinessRegistrationUntil(), this.changes.history(id));
	}

	/**
	 * Sets the "may handle business registration" switch (是否办理工商登记注册) and its validity.
	 * @param id the account
	 * @param enabled yes or no
	 * @param until the last day it holds, at most {@value #BUSINESS_REGISTRATION_MAX_DAYS} days ahead
	 * @throws TrustException {@code IDN-1050} no or bad date, {@code IDN-2032} real name not verified
	 */
	@Transactional
	public void setBusinessRegistration(UUID id, boolean enabled, @Nullable LocalDate until) {
		Account account = load(id);
		LocalDate today = today();
		if (enabled) {
			if (account.getRealNameLevel() == RealNameLevel.NONE) {
				throw new TrustException(IdentityError.BUSINESS_REGISTRATION_NOT_VERIFIED);
			}
			if (until == null || until.isBefore(today) || until.isAfter(today.plusDays(BUSINESS_REGISTRATION_MAX_DAYS))) {
				throw TrustException.forField("until", IdentityError.BUSINESS_REGISTRATION_UNTIL,
						today.toString(), today.plusDays(BUSINESS_REGISTRATION_MAX_DAYS).toString());
			}
		}
		String old = describe(account.isBusinessRegistration(), account.getBusinessRegistrationUntil());
		account.businessRegistration(enabled, until);
		this.accounts.save(account);
		Instant now = this.clock.instant();
		this.changes.record(id, "BUSINESS_REGISTRATION", old, describe(enabled, until), null, "owner", now);
		this.events.publishEvent(new AccountChanged(id, "BUSINESS_REGISTRATION", "owner", now));
	}

	/**
	 * Whether a person may handle business registration now. Other modules (business
	 * registration) ask this before they let a person take part.
	 * @param id the account
	 * @return the answer and why
	 */
	@Transactional(readOnly = true)
	public BusinessRegistrationPermission businessRegistrationPermission(UUID id) {
		Account account = load(id);
		LocalDate until = account.getBusinessRegistrationUntil();
		if (account.getStatus() != AccountStatus.ACTIVE) {
			return new BusinessRegistrationPermission(false, "ACCOUNT_INACTIVE", until);
		}
		if (account.getRealNameLevel() == RealNameLevel.NONE) {
			return new BusinessRegistrationPermission(false, "NOT_VERIFIED", until);
		}
		if (!account.isBusinessRegistration()) {
			return new BusinessRegistrationPermission(false, "SWITCH_OFF", until);
		}
		if (until == null || until.isBefore(today())) {
			return new BusinessRegistrationPermission(false, "EXPIRED", until);
		}
		return new BusinessRegistrationPermission(true, "ALLOWED", until);
	}

	private static String describe(boolean enabled, @Nullable LocalDate until) {
		return enabled ? "yes until " + until : "no";
	}

	private Account load(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new TrustException(IdentityError.ACCOUNT_NOT_FOUND));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), DisplayTime.ZONE);
	}

	/**
	 * A hash no password matches, checked against unknown identifiers so they cost as much
	 * time as known ones; made on first use rather than at start-up.
	 */
	private String dummyHash() {
		String hash = this.dummyHash;
		if (hash == null) {
			hash = this.passwordEncoder.encode("not-a-password-" + UUID.randomUUID());
			this.dummyHash = hash;
		}
		return hash;
	}

}
