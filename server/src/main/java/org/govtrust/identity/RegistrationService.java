package org.govtrust.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.govtrust.identity.config.IdentityProperties;
import org.govtrust.identity.domain.Account;
import org.govtrust.identity.domain.AccountRepository;
import org.govtrust.identity.domain.BrowserKeys;
import org.govtrust.identity.domain.CardDates;
import org.govtrust.identity.domain.CardValidity;
import org.govtrust.identity.domain.IdNumbers;
import org.govtrust.identity.domain.LoginNames;
import org.govtrust.identity.domain.PasswordPolicy;
import org.govtrust.identity.domain.PersonName;
import org.govtrust.identity.domain.ProtectedValue;
import org.govtrust.identity.domain.Registration;
import org.govtrust.identity.domain.RegistrationRepository;
import org.govtrust.identity.persistence.IdentityProofs;
import org.govtrust.identity.persistence.VerificationAttempts;
import org.govtrust.identity.spi.IdentityElements;
import org.govtrust.identity.spi.NetworkIdentityProvider;
import org.govtrust.identity.spi.NetworkIdentityResult;
import org.govtrust.shared.error.FieldProblem;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.Masking;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.standard.ResidentIdNumber;
import org.govtrust.shared.time.DisplayTime;
import org.govtrust.sms.CodeSent;
import org.govtrust.sms.MobileNumber;
import org.govtrust.sms.MobileNumbers;
import org.govtrust.sms.SmsCodeService;
import org.govtrust.sms.SmsPurpose;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Citizen registration with real-name verification, step by step:
 * <ol>
 * <li>{@link #start}: name, ID number, card dates and phone are checked (all field errors
 * at once), an existing account is pointed out, and an SMS code goes to the phone;</li>
 * <li>{@link #verifyPhone}: the code proves the phone;</li>
 * <li>{@link #verifyFace} (four elements + face with the identity authority) or
 * {@link #startNetworkIdentity}/{@link #completeNetworkIdentity} (CTID);</li>
 * <li>{@link #createAccount}: password and optional login name; the account exists,
 * verified online.</li>
 * </ol>
 * Calls to external authorities run outside database transactions. Every step is an
 * event, and so lands in the audit trail.
 */
@Service
public class RegistrationService {

	private static final Logger logger = LoggerFactory.getLogger(RegistrationService.class);

	private final RegistrationRepository registrations;

	private final AccountRepository accounts;

	private final VerificationAttempts attempts;

	private final FaceVerifier faces;

	private final IdentityProofs proofs;

	private final NetworkIdentityProvider networkIdentity;

	private final SmsCodeService smsCodes;

	private final MobileNumbers mobileNumbers;

	private final PersonalDataCipher cipher;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final IdentityProperties properties;

	public RegistrationService(RegistrationRepository registrations, AccountRepository accounts,
			VerificationAttempts attempts, FaceVerifier faces, IdentityProofs proofs, NetworkIdentityProvider networkIdentity,
			SmsCodeService smsCodes, MobileNumbers mobileNumbers, PersonalDataCipher cipher,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock, IdentityProperties properties) {
		this.registrations = registrations;
		this.accounts = accounts;
		this.attempts = attempts;
		this.faces = faces;
		this.proofs = proofs;
		this.networkIdentity = networkIdentity;
		this.smsCodes = smsCodes;
		this.mobileNumbers = mobileNumbers;
		this.cipher = cipher;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Starts a registration and sends the first SMS code.
	 * @param command what the person entered
	 * @param clientAddress the requester's network address, for the SMS limits
	 * @return the registration, with {@code nextCodeAt}
	 * @throws InvalidInputException listing every wrong field
	 * @throws TrustException {@code IDN-2001}/{@code IDN-2002} when an account exists,
	 * {@code SMS-2001..2004} when a send limit is hit
	 */
	public RegistrationView start(StartRegistrationCommand command, String clientAddress) {
		return start(command, clientAddress, null);
	}

	/**
	 * Starts a registration on the web pages: only the browser holding the key may continue it
	 * (see {@link #ensureContinuedInItsBrowser}).
	 * @param command what the person entered
	 * @param clientAddress the requester's network address, for the SMS limits
	 * @param browserKeyHash the hash of the key the starting browser keeps ({@link BrowserKeys}),
	 * or null (through the API)
	 * @return the registration
	 */
	public RegistrationView start(StartRegistrationCommand command, String clientAddress,
			@Nullable String browserKeyHash) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, DisplayTime.ZONE);
		List<FieldProblem> problems = new ArrayList<>();
		String name = collect(problems, () -> PersonName.normalise(command.name(), "name"));
		ResidentIdNumber.Valid idNumber = collect(problems, () -> IdNumbers.parse(command.idNumber(), today, "idNumber"));
		LocalDate validFrom = collect(problems, () -> CardDates.from(command.validFrom()));
		boolean longTerm = command.isLongTerm() || CardDates.isLongTerm(command.validTo());
		LocalDate validTo = longTerm ? null : collect(problems, () -> CardDates.to(command.validTo(), false));
		MobileNumber phone = collect(problems, () -> this.mobileNumbers.parse(command.phone(), "phone"));
		if (idNumber != null && validFrom != null && (longTerm || validTo != null)) {
			LocalDate end = validTo;
			collect(problems, () -> {
				CardValidity.check(idNumber.birthDate(), validFrom, end, today, command.isUnusualValidityConfirmed());
				return Boolean.TRUE;
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Objects.requireNonNull(idNumber);
		Objects.requireNonNull(phone);
		Objects.requireNonNull(name);
		Objects.requireNonNull(validFrom);
		ProtectedValue protectedId = protect("id", idNumber.canonical(), Masking.idNumber(idNumber.canonical()));
		ensureNoAccount(protectedId.hash());
		ProtectedValue protectedPhone = protect("phone", phone.national(), phone.masked());
		Registration registration = Registration.start(UUID.randomUUID(), name, protectedId, validFrom, validTo,
				protectedPhone, now, this.properties.registrationTtl(), browserKeyHash);
		CodeSent sent = this.transactions.execute((status) -> {
			this.registrations.save(registration);
			CodeSent code = this.smsCodes.send(phone, SmsPurpose.REGISTRATION, registration.getId().toString(),
					clientAddress);
			this.events.publishEvent(new RegistrationStarted(registration.getId(), now));
			return code;
		});
		logger.info("Registration {} started", registration.getId());
		return view(registration, sent != null ? sent.nextSendAt() : null);
	}

	/**
	 * The registration's current state.
	 * @param id the registration id
	 * @return the view
	 * @throws TrustException {@code IDN-2004} when unknown or expired
	 */
	public RegistrationView get(UUID id) {
		Registration registration = load(id);
		if (registration.getStatus() != RegistrationStatus.COMPLETED) {
			registration.ensureOpen(this.clock.instant(), ttlMinutes());
		}
		return view(registration, null);
	}

	/**
	 * Refuses a registration started on the web pages to any other browser: its address alone
	 * (in the history of a shared computer) must not let someone else set the password of the
	 * person who verified their face. A registration started through the API, or no longer
	 * there, is left to the step itself.
	 * @param id the registration
	 * @param browserKey the key the browser sent, if any
	 * @throws TrustException {@code IDN-2014}
	 */
	public void ensureContinuedInItsBrowser(UUID id, @Nullable String browserKey) {
		if (!isItsBrowser(id, browserKey)) {
			throw new TrustException(IdentityError.REGISTRATION_OTHER_BROWSER, ttlMinutes());
		}
	}

	/**
	 * Whether a browser may continue a registration ({@link #ensureContinuedInItsBrowser}).
	 * @param id the registration
	 * @param browserKey the key the browser sent, if any
	 * @return false only for a registration started on the pages in another browser
	 */
	public boolean isItsBrowser(UUID id, @Nullable String browserKey) {
		return this.registrations.findBrowserKeyHash(id).map((hash) -> BrowserKeys.matches(browserKey, hash)).orElse(true);
	}

	/**
	 * Sends another SMS code.
	 * @param id the registration
	 * @param clientAddress the requester's address
	 * @return where it went and when the next one may be sent
	 */
	public CodeSent resendCode(UUID id, String clientAddress) {
		Registration registration = loadOpen(id);
		if (registration.getStatus() != RegistrationStatus.PHONE_PENDING) {
			throw new TrustException(IdentityError.PHONE_ALREADY_VERIFIED);
		}
		MobileNumber phone = new MobileNumber(this.cipher.decrypt(registration.getPhoneCipher()));
		return this.smsCodes.send(phone, SmsPurpose.REGISTRATION, id.toString(), clientAddress);
	}

	/**
	 * Proves the phone with the SMS code.
	 * @param id the registration
	 * @param code the code entered
	 * @return the registration, now waiting for real-name verification
	 */
	public RegistrationView verifyPhone(UUID id, String code) {
		Registration registration = loadOpen(id);
		if (registration.getStatus() != RegistrationStatus.PHONE_PENDING) {
			throw new TrustException(IdentityError.PHONE_ALREADY_VERIFIED);
		}
		MobileNumber phone = new MobileNumber(this.cipher.decrypt(registration.getPhoneCipher()));
		this.smsCodes.verify(phone, SmsPurpose.REGISTRATION, id.toString(), code);
		registration.phoneVerified();
		this.transactions.executeWithoutResult((status) -> {
			this.registrations.save(registration);
			this.events.publishEvent(new RegistrationPhoneVerified(id, this.clock.instant()));
		});
		return view(registration, null);
	}

	/**
	 * Verifies the four elements and the face with the identity authority. The image is
	 * passed on and never stored.
	 * <p>
	 * A repeated submission (a double click, a retry after a lost answer) is answered with
	 * the registration as it stands: once the real name is verified, the step is done and the
	 * authority is not asked again. A submission that overlapped another one keeps its
	 * attempt on record and answers the same way.
	 * @param id the registration
	 * @param faceImage a JPEG or PNG image
	 * @return the registration, now waiting for the password
	 * @throws TrustException {@code IDN-2010} elements mismatch, {@code IDN-2011} face
	 * mismatch, {@code IDN-2012} liveness, {@code IDN-2013} too many failures,
	 * {@code IDN-5001} busy (retry-after), {@code IDN-5002} unavailable
	 */
	public RegistrationView verifyFace(UUID id, byte @Nullable [] faceImage) {
		Registration registration = loadOpen(id);
		if (registration.getStatus() == RegistrationStatus.ACCOUNT_PENDING) {
			if (faceImage != null) {
				Arrays.fill(faceImage, (byte) 0);
			}
			return view(registration, null);
		}
		registration.ensureAwaitingIdentity();
		AtomicReference<Registration> verified = new AtomicReference<>(registration);
		this.faces.verify(registration.getIdNumberHash(), id, elements(registration), faceImage, (reference) -> {
			// the row as committed, not as loaded before the authority's answer: a concurrent
			// submission may have verified it meanwhile, and then there is nothing to change
			Registration current = this.registrations.findForUpdate(id)
				.orElseThrow(() -> new TrustException(IdentityError.REGISTRATION_NOT_FOUND, ttlMinutes()));
			if (current.getStatus() == RegistrationStatus.IDENTITY_PENDING) {
				current.identityVerified(VerificationMethod.FACE, reference);
				this.registrations.save(current);
			}
			verified.set(current);
		});
		logger.info("Registration {} verified by face", id);
		return view(verified.get(), null);
	}

	/**
	 * Uses a counter clerk's in-person verification of this person (valid for
	 * {@code govtrust.identity.counter-approval-validity}) as the real-name step.
	 * <p>
	 * Sent twice, even at the same moment (a double click), both answer with the verified
	 * registration: the step runs on the row as committed, locked, so the second one finds it
	 * done rather than the clerk's verification gone (used by the first).
	 * @param id the registration
	 * @return the registration, now waiting for the password
	 * @throws TrustException {@code IDN-2037} when no clerk has verified the person
	 */
	public RegistrationView useCounterVerification(UUID id) {
		Registration loaded = loadOpen(id);
		if (loaded.getStatus() == RegistrationStatus.ACCOUNT_PENDING) {
			return view(loaded, null); // sent twice: the first one verified it
		}
		loaded.ensureAwaitingIdentity();
		Instant now = this.clock.instant();
		Registration registration = this.transactions.execute((status) -> {
			Registration current = this.registrations.findForUpdate(id)
				.orElseThrow(() -> new TrustException(IdentityError.REGISTRATION_NOT_FOUND, ttlMinutes()));
			if (current.getStatus() == RegistrationStatus.ACCOUNT_PENDING) {
				return current; // a submission at the same moment verified it
			}
			current.ensureAwaitingIdentity();
			String reference = this.proofs.find(current.getIdNumberHash(), IdentityProofs.COUNTER_IDENTITY, now)
				.orElseThrow(() -> new TrustException(IdentityError.NO_COUNTER_VERIFICATION));
			current.identityVerified(VerificationMethod.COUNTER, reference);
			this.registrations.save(current);
			this.proofs.remove(current.getIdNumberHash(), IdentityProofs.COUNTER_IDENTITY);
			this.events.publishEvent(new RealNameVerificationAttempted(id, VerificationMethod.COUNTER, "VERIFIED", now));
			return current;
		});
		return view(Objects.requireNonNull(registration), null);
	}

	/**
	 * Starts verification through network identity (CTID).
	 * @param id the registration
	 * @param returnUri where the provider sends the person back
	 * @return where to send the person
	 */
	public NetworkIdentityRedirect startNetworkIdentity(UUID id, URI returnUri) {
		Registration registration = loadOpen(id);
		registration.ensureAwaitingIdentity();
		NetworkIdentityProvider.Start start = this.networkIdentity.start(returnUri);
		registration.networkIdentityStarted(start.transactionId());
		this.transactions.executeWithoutResult((status) -> this.registrations.save(registration));
		return new NetworkIdentityRedirect(start.transactionId(), start.authorizationUri());
	}

	/**
	 * Fetches the network-identity result. The ID number and name must be the ones entered;
	 * card dates the provider vouches for replace the entered ones (a replacement or second
	 * card no longer blocks registration). The provider gives an outcome once: the transaction
	 * is then forgotten, so a reload of the return page says no verification is in progress,
	 * rather than asking the provider again and taking its "unknown transaction" for an outage.
	 * A transaction still pending, or not reached (provider unavailable), is kept to ask again.
	 * @param id the registration
	 * @return the registration, now waiting for the password
	 * @throws TrustException {@code IDN-2020..2024}, {@code IDN-5003}
	 */
	public RegistrationView completeNetworkIdentity(UUID id) {
		Registration registration = loadOpen(id);
		if (registration.getStatus() == RegistrationStatus.ACCOUNT_PENDING) {
			return view(registration, null); // the return page reloaded: already verified
		}
		registration.ensureAwaitingIdentity();
		String transaction = registration.getNetworkTransaction();
		if (transaction == null) {
			throw new TrustException(IdentityError.NETWORK_IDENTITY_NOT_STARTED);
		}
		NetworkIdentityResult result = this.networkIdentity.complete(transaction);
		Instant now = this.clock.instant();
		String outcome = result.outcome();
		if (result instanceof NetworkIdentityResult.Authenticated authenticated) {
			IdentityElements vouched = authenticated.elements();
			IdentityElements entered = elements(registration);
			if (!vouched.idNumber().equals(entered.idNumber()) || !vouched.name().equals(entered.name())) {
				outcome = "DIFFERENT_PERSON";
			}
			else {
				registration.adoptAuthoritativeValidity(vouched.validFrom(), vouched.validTo());
				registration.identityVerified(VerificationMethod.NETWORK_IDENTITY, authenticated.providerReference());
			}
		}
		if (!(result instanceof NetworkIdentityResult.Pending) && !(result instanceof NetworkIdentityResult.Unavailable)) {
			registration.networkIdentityEnded();
		}
		String recorded = outcome;
		if (!(result instanceof NetworkIdentityResult.Pending)) {
			this.transactions.executeWithoutResult((status) -> {
				this.attempts.record(registration.getIdNumberHash(), id, VerificationMethod.NETWORK_IDENTITY.name(),
						recorded, now);
				this.registrations.save(registration);
				this.events.publishEvent(
						new RealNameVerificationAttempted(id, VerificationMethod.NETWORK_IDENTITY, recorded, now));
			});
		}
		logger.info("Registration {} network identity: {}", id, recorded);
		switch (recorded) {
			case "VERIFIED":
				return view(registration, null);
			case "DIFFERENT_PERSON":
				throw new TrustException(IdentityError.NETWORK_IDENTITY_DIFFERENT_PERSON);
			case "NO_CREDENTIAL":
				throw new TrustException(IdentityError.NETWORK_IDENTITY_NO_CREDENTIAL);
			case "DECLINED":
				throw new TrustException(IdentityError.NETWORK_IDENTITY_DECLINED);
			case "PENDING":
				throw new TrustException(IdentityError.NETWORK_IDENTITY_PENDING);
			default:
				throw TrustException.retryAfter(Duration.ofMinutes(5), IdentityError.NETWORK_IDENTITY_UNAVAILABLE);
		}
	}

	/**
	 * Creates the account. Sent twice at the same moment (a double click), both answer with
	 * the one account.
	 * @param id the registration, real name verified
	 * @param command password and optional login name
	 * @return the new account
	 * @throws InvalidInputException for password or login-name problems
	 * @throws TrustException {@code IDN-2001} account exists, {@code IDN-2003} login name taken
	 */
	public AccountView createAccount(UUID id, CreateAccountCommand command) {
		Registration registration = loadOpen(id);
		registration.ensureAwaitingAccount();
		List<FieldProblem> problems = new ArrayList<>();
		String loginName = collect(problems, () -> LoginNames.normalise(command.loginName()));
		String idNumber = this.cipher.decrypt(registration.getIdNumberCipher());
		String phone = this.cipher.decrypt(registration.getPhoneCipher());
		String password = command.password() == null ? "" : command.password();
		collect(problems, () -> {
			PasswordPolicy.check(password, Arrays.asList(idNumber, idNumber.substring(6, 14), phone, loginName));
			return Boolean.TRUE;
		});
		if (command.passwordConfirmation() != null && !command.passwordConfirmation().equals(password)) {
			problems.add(new FieldProblem("passwordConfirmation", IdentityError.PASSWORD_MISMATCH));
		}
		if (loginName != null && this.accounts.existsByLoginName(loginName)) {
			problems.add(new FieldProblem("loginName", IdentityError.LOGIN_NAME_TAKEN));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// the same form sent twice at once (a double click): the other submission created the account
		Optional<AccountView> created = completedMeanwhile(id);
		if (created.isPresent()) {
			return created.get();
		}
		ensureNoAccount(registration.getIdNumberHash());
		String passwordHash = this.passwordEncoder.encode(password);
		Instant now = this.clock.instant();
		Account account = Account.fromRegistration(UUID.randomUUID(), registration, loginName, passwordHash, now);
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.accounts.save(account);
				registration.completed(account.getId());
				this.registrations.save(registration);
				this.events.publishEvent(new PersonRegistered(account.getId(), id, account.getRealNameLevel(),
						Objects.requireNonNull(account.getVerificationMethod()), now));
			});
		}
		catch (DataIntegrityViolationException | OptimisticLockingFailureException ex) {
			// the other submission of this form won the race (while the password was hashed), or
			// another registration won it for the ID number or the login name
			created = completedMeanwhile(id);
			if (created.isPresent()) {
				return created.get();
			}
			ensureNoAccount(registration.getIdNumberHash());
			if (ex instanceof OptimisticLockingFailureException) {
				loadOpen(id); // deleted meanwhile (expired): IDN-2004
				throw ex; // changed meanwhile: SHR-1008, nothing saved
			}
			throw TrustException.forField("loginName", IdentityError.LOGIN_NAME_TAKEN);
		}
		logger.info("Registration {} created account {}", id, account.getId());
		return view(account);
	}

	/**
	 * The account a completed registration created.
	 * @param id the registration
	 * @return the account
	 */
	public AccountView completedAccount(UUID id) {
		Registration registration = load(id);
		UUID accountId = registration.getAccountId();
		if (accountId == null) {
			registration.ensureAwaitingAccount();
			throw new TrustException(IdentityError.IDENTITY_NOT_VERIFIED);
		}
		return this.accounts.findById(accountId)
			.map(this::view)
			.orElseThrow(() -> new TrustException(IdentityError.REGISTRATION_NOT_FOUND, ttlMinutes()));
	}

	/**
	 * Removes expired registrations (abandoned personal data) every ten minutes.
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	public void purgeExpired() {
		int removed = this.transactions.execute((status) -> this.registrations.deleteExpired(this.clock.instant()));
		if (removed > 0) {
			logger.info("Purged {} expired registrations", removed);
		}
	}

	/** The account of a registration that another request completed after this one loaded it. */
	private Optional<AccountView> completedMeanwhile(UUID id) {
		return this.registrations.findById(id)
			.map(Registration::getAccountId)
			.flatMap(this.accounts::findById)
			.map(this::view);
	}

	private void ensureNoAccount(String idNumberHash) {
		this.accounts.findByIdNumberHash(idNumberHash).ifPresent((account) -> {
			if (account.getStatus() == AccountStatus.PENDING_ACTIVATION) {
				throw TrustException.forField("idNumber", IdentityError.ACCOUNT_PENDING_ACTIVATION)
					.with(Map.of("next", List.of("activation")));
			}
			throw TrustException.forField("idNumber", IdentityError.ACCOUNT_EXISTS)
				.with(Map.of("next", List.of("login", "password-reset")));
		});
	}

	private IdentityElements elements(Registration registration) {
		return new IdentityElements(registration.getName(), this.cipher.decrypt(registration.getIdNumberCipher()),
				registration.getValidFrom(), registration.getValidTo());
	}

	private ProtectedValue protect(String kind, String value, String masked) {
		return new ProtectedValue(this.cipher.encrypt(value), this.cipher.lookupHash(kind, value), masked);
	}

	private Registration load(UUID id) {
		return this.registrations.findById(id)
			.orElseThrow(() -> new TrustException(IdentityError.REGISTRATION_NOT_FOUND, ttlMinutes()));
	}

	private Registration loadOpen(UUID id) {
		Registration registration = load(id);
		registration.ensureOpen(this.clock.instant(), ttlMinutes());
		return registration;
	}

	private long ttlMinutes() {
		return this.properties.registrationTtl().toMinutes();
	}

	static RegistrationView view(Registration registration, @Nullable Instant nextCodeAt) {
		return new RegistrationView(registration.getId(), registration.getStatus(),
				Masking.name(registration.getName()), registration.getIdNumberMasked(),
				registration.getPhoneMasked(), registration.getValidTo() == null, registration.getExpiresAt(),
				registration.getVerificationMethod(), nextCodeAt, registration.getAccountId());
	}

	private AccountView view(Account account) {
		return AccountViews.of(account);
	}

	private static <T> @Nullable T collect(List<FieldProblem> problems, java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.getProblems());
			return null;
		}
		catch (TrustException ex) {
			problems.add(FieldProblem.of(ex));
			return null;
		}
	}

}
