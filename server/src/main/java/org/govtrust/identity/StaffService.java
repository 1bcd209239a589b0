package org.govtrust.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.govtrust.identity.config.IdentityProperties;
import org.govtrust.identity.domain.FreeText;
import org.govtrust.identity.domain.LoginNames;
import org.govtrust.identity.domain.PasswordPolicy;
import org.govtrust.identity.domain.PersonName;
import org.govtrust.identity.domain.ProtectedValue;
import org.govtrust.identity.domain.Staff;
import org.govtrust.identity.domain.StaffRepository;
import org.govtrust.shared.error.FieldProblem;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.sms.MobileNumber;
import org.govtrust.sms.MobileNumbers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff accounts: the bootstrap administrator from configuration on first start, accounts
 * an administrator creates, and the password check of the staff login (whose second factor
 * is an SMS code to the staff phone).
 */
@Service
public class StaffService {

	private static final Logger logger = LoggerFactory.getLogger(StaffService.class);

	/** The longest counter or office name: what {@code idn_staff.location} keeps. */
	public static final int LOCATION_MAX_LENGTH = 200;

	private final StaffRepository staff;

	private final PasswordEncoder passwordEncoder;

	private final PersonalDataCipher cipher;

	private final MobileNumbers mobileNumbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final IdentityProperties properties;

	private volatile String dummyHash;

	private final TransactionTemplate transactions;

	public StaffService(StaffRepository staff, PasswordEncoder passwordEncoder, PersonalDataCipher cipher,
			MobileNumbers mobileNumbers, ApplicationEventPublisher events, Clock clock, IdentityProperties properties,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.staff = staff;
		this.passwordEncoder = passwordEncoder;
		this.cipher = cipher;
		this.mobileNumbers = mobileNumbers;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Creates the bootstrap administrator from {@code govtrust.identity.bootstrap-admin.*}
	 * when no staff account exists yet.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void bootstrap() {
		IdentityProperties.BootstrapAdmin admin = this.properties.bootstrapAdmin();
		if (admin == null || admin.loginName() == null || this.staff.count() > 0) {
			return;
		}
		createBootstrapAdmin(admin);
	}

	/**
	 * Creates the bootstrap administrator, in a transaction of its own. Nodes started together
	 * on a new database all find no staff account: the first to commit creates it, and the
	 * others, whose login name is then taken (or whose insert meets its unique key), leave it
	 * at that and start.
	 */
	void createBootstrapAdmin(IdentityProperties.BootstrapAdmin admin) {
		try {
			this.transactions.executeWithoutResult((status) -> create(new CreateStaffCommand(admin.loginName(),
					admin.name(), admin.phone(), admin.password(),
					admin.roles() == null || admin.roles().isEmpty() ? EnumSet.of(StaffRole.ADMIN, StaffRole.AUDITOR)
							: EnumSet.copyOf(admin.roles()),
					null), "bootstrap"));
		}
		catch (InvalidInputException ex) {
			if (ex.getProblems().stream().allMatch((problem) -> problem.code() == IdentityError.LOGIN_NAME_TAKEN)) {
				logger.info("The bootstrap administrator '{}' was created by another node", admin.loginName());
				return;
			}
			throw new IllegalStateException("govtrust.identity.bootstrap-admin is not usable: " + ex.getProblems()
				.stream()
				.map((problem) -> problem.field() + " " + problem.code().code())
				.toList() + " (see the error catalogue for each code)");
		}
		catch (DataIntegrityViolationException ex) {
			if (this.staff.count() > 0) {
				logger.info("The bootstrap administrator '{}' was created by another node", admin.loginName());
				return;
			}
			throw ex;
		}
		logger.info("Created the bootstrap administrator '{}'", admin.loginName());
	}

	/**
	 * Creates a staff account.
	 * @param command the account
	 * @param createdBy the administrator's id
	 * @return the account
	 * @throws InvalidInputException listing every wrong field
	 */
	@Transactional
	public StaffView create(CreateStaffCommand command, String createdBy) {
		List<FieldProblem> problems = new ArrayList<>();
		String loginName = null;
		try {
			loginName = LoginNames.normalise(command.loginName());
			if (loginName == null) {
				problems.add(new FieldProblem("loginName", IdentityError.LOGIN_NAME_FORMAT));
			}
			else if (this.staff.existsByLoginName(loginName)) {
				problems.add(new FieldProblem("loginName", IdentityError.LOGIN_NAME_TAKEN));
			}
		}
		catch (TrustException ex) {
			problems.add(FieldProblem.of(ex));
		}
		String name = collect(problems, () -> PersonName.normalise(command.name(), "name"));
		MobileNumber phone = collect(problems, () -> this.mobileNumbers.parse(command.phone(), "phone"));
		String password = command.password() == null ? "" : command.password();
		collect(problems, () -> {
			PasswordPolicy.check(password, List.of(command.loginName() == null ? "" : command.loginName()));
			return Boolean.TRUE;
		});
		Set<StaffRole> roles = command.roles() == null ? Set.of() : command.roles();
		if (roles.isEmpty()) {
			problems.add(new FieldProblem("roles", IdentityError.STAFF_ROLES_REQUIRED));
		}
		String location = blankToNull(command.location());
		collect(problems, () -> {
			FreeText.check("location", location, LOCATION_MAX_LENGTH);
			return Boolean.TRUE;
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		ProtectedValue protectedPhone = new ProtectedValue(this.cipher.encrypt(phone.national()),
				this.cipher.lookupHash("phone", phone.national()), phone.masked());
		Staff created = Staff.create(UUID.randomUUID(), loginName, name, protectedPhone,
				this.passwordEncoder.encode(password), roles, location, now);
		this.staff.save(created);
		this.events.publishEvent(new StaffCreated(created.getId(), roles, createdBy, now));
		return view(created);
	}

	/**
	 * Checks a staff password (first factor).
	 * @param loginName the login name
	 * @param password the password
	 * @return the staff account when right and active
	 */
	// no transaction: the hash must not hold a database connection (see LoginService)
	public Optional<StaffView> checkPassword(String loginName, String password) {
		Optional<Staff> found = this.staff
			.findByLoginName(loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT));
		if (found.isEmpty()) {
			this.passwordEncoder.matches(password, dummyHash());
			return Optional.empty();
		}
		Staff member = found.get();
		if (!this.passwordEncoder.matches(password, member.getPasswordHash()) || !member.isActive()) {
			return Optional.empty();
		}
		return Optional.of(view(member));
	}

	/**
	 * The phone a staff member's second factor goes to.
	 * @param id the staff id
	 * @return the phone
	 */
	@Transactional(readOnly = true)
	public MobileNumber phone(UUID id) {
		return new MobileNumber(this.cipher.decrypt(load(id).getPhoneCipher()));
	}

	@Transactional(readOnly = true)
	public StaffView get(UUID id) {
		return view(load(id));
	}

	@Transactional(readOnly = true)
	public List<StaffView> all() {
		return StreamSupport.stream(this.staff.findAll().spliterator(), false).map(StaffService::view).toList();
	}

	private Staff load(UUID id) {
		return this.staff.findById(id).orElseThrow(() -> new TrustException(IdentityError.ACCOUNT_NOT_FOUND));
	}

	private static StaffView view(Staff member) {
		return new StaffView(member.getId(), member.getLoginName(), member.getName(), member.getPhoneMasked(),
				member.roleSet(), member.getLocation(), member.isActive());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static <T> @Nullable T collect(List<FieldProblem> problems, java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (TrustException ex) {
			problems.add(FieldProblem.of(ex));
			return null;
		}
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
