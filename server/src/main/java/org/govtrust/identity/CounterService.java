package org.govtrust.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.govtrust.identity.config.IdentityProperties;
import org.govtrust.identity.domain.Account;
import org.govtrust.identity.domain.AccountRepository;
import org.govtrust.identity.domain.FreeText;
import org.govtrust.identity.domain.IdNumbers;
import org.govtrust.identity.domain.Registration;
import org.govtrust.identity.domain.RegistrationRepository;
import org.govtrust.identity.persistence.AccountChanges;
import org.govtrust.identity.persistence.CounterRequests;
import org.govtrust.identity.persistence.IdentityProofs;
import org.govtrust.identity.persistence.VerificationAttempts;
import org.govtrust.shared.chain.ChainEntry;
import org.govtrust.shared.error.SharedError;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.Masking;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.standard.ResidentIdNumber;
import org.govtrust.shared.time.DisplayTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What counter clerks (窗口业务人员) do: find a person by ID number and see why online
 * verification failed (outcomes only), verify the person in person, and verify a phone
 * manually for people who cannot receive SMS. Every act is a ledger entry.
 * <p>
 * An in-person verification upgrades an existing account to counter-verified; for a
 * person without an account it is kept for {@code counter-approval-validity}, and their
 * online registration uses it as its real-name step.
 */
@Service
public class CounterService {

	/** The longest list of documents seen, joined by {@code /}. */
	public static final int DOCUMENTS_MAX_LENGTH = 200;

	/** The longest verification method. */
	public static final int METHOD_MAX_LENGTH = 100;

	/**
	 * The longest note. With the other fields and the clerk's name and location, a ledger
	 * entry stays well within the 2000 characters {@code idn_counter_ledger.details} keeps.
	 */
	public static final int NOTE_MAX_LENGTH = 500;

	/** A form's request id ({@link InPersonVerificationCommand#requestId}). */
	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final AccountRepository accounts;

	private final RegistrationRepository registrations;

	private final VerificationAttempts attempts;

	private final IdentityProofs proofs;

	private final AccountChanges changes;

	private final CounterLedger ledger;

	private final StaffService staff;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final IdentityProperties properties;

	private final CounterRequests requests;

	public CounterService(AccountRepository accounts, RegistrationRepository registrations,
			VerificationAttempts attempts, IdentityProofs proofs, AccountChanges changes, CounterLedger ledger,
			StaffService staff, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock,
			IdentityProperties properties, CounterRequests requests) {
		this.accounts = accounts;
		this.registrations = registrations;
		this.attempts = attempts;
		this.proofs = proofs;
		this.changes = changes;
		this.ledger = ledger;
		this.staff = staff;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.requests = requests;
	}

	/**
	 * Finds a person.
	 * @param idNumber the ID number
	 * @return account, open registration and verification history
	 */
	@Transactional(readOnly = true)
	public CounterLookup lookup(String idNumber) {
		ResidentIdNumber.Valid id = IdNumbers.parse(idNumber, today(), "idNumber");
		String hash = this.cipher.lookupHash("id", id.canonical());
		Instant now = this.clock.instant();
		AccountView account = this.accounts.findByIdNumberHash(hash).map(AccountViews::of).orElse(null);
		RegistrationView registration = openRegistration(hash).map((open) -> RegistrationService.view(open, null)).orElse(null);
		List<CounterLookup.Attempt> history = this.attempts.history(hash)
			.stream()
			.map((attempt) -> new CounterLookup.Attempt(attempt.method(), attempt.outcome(), attempt.at()))
			.toList();
		Instant pendingUntil = this.proofs.expiresAt(hash, IdentityProofs.COUNTER_IDENTITY, now).orElse(null);
		return new CounterLookup(Masking.idNumber(id.canonical()), account, registration, history, pendingUntil);
	}

	/**
	 * Records an in-person verification.
	 * @param clerkId the clerk
	 * @param command what was checked and the outcome
	 * @return the ledger entry
	 */
	@Transactional
	public ChainEntry verifyInPerson(UUID clerkId, InPersonVerificationCommand command) {
		ResidentIdNumber.Valid id = IdNumbers.parse(command.idNumber(), today(), "idNumber");
		// each name cleaned like any free text: none can add a "; key=value" of its own to the ledger entry
		List<String> names = (command.documents() == null) ? List.of()
				: command.documents().stream().map(CounterService::clean).filter((name) -> !name.isEmpty()).toList();
		if (names.isEmpty()) {
			throw TrustException.forField("documents", IdentityError.COUNTER_DOCUMENTS_REQUIRED);
		}
		if (command.method() == null || command.method().isBlank()) {
			throw TrustException.forField("method", IdentityError.COUNTER_METHOD_REQUIRED);
		}
		String documents = String.join("/", names);
		String method = clean(command.method());
		String note = clean(command.note());
		FreeText.check("documents", documents, DOCUMENTS_MAX_LENGTH);
		FreeText.check("method", method, METHOD_MAX_LENGTH);
		FreeText.check("note", note, NOTE_MAX_LENGTH);
		String requestId = command.requestId();
		if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
			throw TrustException.forField("requestId", SharedError.INVALID_REQUEST, "requestId");
		}
		Instant now = this.clock.instant();
		String hash = this.cipher.lookupHash("id", id.canonical());
		// the same form sent again (a double click, a retry after a lost answer) is one act; the
		// id counts for this clerk and this person only, so an id a client reuses never answers
		// with another clerk's act or another person's
		String request = (requestId != null) ? CounterRequests.key(clerkId, hash, requestId) : null;
		if (request != null && !this.requests.claim(request, now)) {
			return this.requests.entryOf(request)
				.flatMap(this.ledger::get)
				.orElseThrow(() -> new TrustException(SharedError.CONCURRENT_CHANGE));
		}
		StaffView clerk = this.staff.get(clerkId);
		Optional<Account> account = this.accounts.findByIdNumberHash(hash);
		String subject = account.map((found) -> "account:" + found.getId())
			.orElse("person:" + Masking.idNumber(id.canonical()));
		ChainEntry entry = this.ledger.record("IN_PERSON_VERIFICATION", subject,
				details(clerk, "documents=" + documents + "; method=" + method + "; outcome="
						+ (command.passed() ? "PASSED" : "FAILED") + "; note=" + note));
		if (command.passed()) {
			String reference = "ledger:" + entry.seq();
			if (account.isPresent()) {
				Account found = account.get();
				String oldLevel = found.getRealNameLevel().name();
				found.verifiedAtCounter(reference, now);
				this.accounts.save(found);
				this.changes.record(found.getId(), "LEVEL", oldLevel, RealNameLevel.COUNTER_VERIFIED.name(), reference,
						"clerk:" + clerk.loginName(), now);
				this.events.publishEvent(new AccountChanged(found.getId(), "LEVEL", "clerk", now));
			}
			else {
				this.proofs.put(hash, IdentityProofs.COUNTER_IDENTITY, reference,
						now.plus(this.properties.counterApprovalValidity()));
			}
		}
		// the attempt belongs to the account, or, for a person without one, to the ledger entry
		this.attempts.record(hash, account.map(Account::getId).orElse(new UUID(0, entry.seq())),
				VerificationMethod.COUNTER.name(), command.passed() ? "VERIFIED" : "COUNTER_FAILED", now);
		this.events.publishEvent(new CounterActRecorded(entry.seq(), entry.type(), clerkId, now));
		if (request != null) {
			this.requests.done(request, entry.seq());
		}
		return entry;
	}

	/** Forgets the request ids of clerks' forms after a day, hourly. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public int forgetOldRequests() {
		return this.requests.purgeBefore(this.clock.instant().minus(Duration.ofDays(1)));
	}

	/**
	 * Verifies the phone of a person's open registration by hand, for someone who cannot
	 * receive SMS (seed 002 §一).
	 * @param clerkId the clerk
	 * @param idNumber the person's ID number
	 * @param note how the phone was verified
	 * @return the ledger entry
	 */
	@Transactional
	public ChainEntry verifyPhoneManually(UUID clerkId, String idNumber, @Nullable String note) {
		ResidentIdNumber.Valid id = IdNumbers.parse(idNumber, today(), "idNumber");
		String cleanNote = clean(note);
		FreeText.check("note", cleanNote, NOTE_MAX_LENGTH);
		String hash = this.cipher.lookupHash("id", id.canonical());
		Registration registration = openRegistration(hash)
			.filter((open) -> open.getStatus() == RegistrationStatus.PHONE_PENDING)
			.orElseThrow(() -> TrustException.forField("idNumber", IdentityError.NO_REGISTRATION_FOR_PHONE));
		StaffView clerk = this.staff.get(clerkId);
		Instant now = this.clock.instant();
		registration.phoneVerified();
		this.registrations.save(registration);
		ChainEntry entry = this.ledger.record("MANUAL_PHONE_VERIFICATION", "registration:" + registration.getId(),
				details(clerk, "phone=" + registration.getPhoneMasked() + "; note=" + cleanNote));
		this.events.publishEvent(new RegistrationPhoneVerified(registration.getId(), now));
		this.events.publishEvent(new CounterActRecorded(entry.seq(), entry.type(), clerkId, now));
		return entry;
	}

	private Optional<Registration> openRegistration(String idHash) {
		Instant now = this.clock.instant();
		return this.registrations.findByIdNumberHash(idHash)
			.stream()
			.filter((registration) -> registration.getStatus() != RegistrationStatus.COMPLETED
					&& registration.getExpiresAt().isAfter(now))
			.max(Comparator.comparing(Registration::getCreatedAt));
	}

	static String details(StaffView clerk, String facts) {
		return "clerk=" + clerk.loginName() + "; location=" + clean(clerk.location()) + "; " + facts;
	}

	static String clean(@Nullable String value) {
		return value == null ? "" : value.replace(';', '，').replace('\n', ' ').strip();
	}


	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), DisplayTime.ZONE);
	}

}
