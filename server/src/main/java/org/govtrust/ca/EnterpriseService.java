package org.govtrust.ca;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.govtrust.ca.persistence.EnterpriseStore;
import org.govtrust.ca.persistence.EnterpriseStore.EnterpriseRow;
import org.govtrust.ca.spi.BusinessRegistry;
import org.govtrust.identity.AccountService;
import org.govtrust.identity.PersonClaims;
import org.govtrust.identity.RealNameLevel;
import org.govtrust.shared.error.FieldProblem;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.Masking;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.standard.ResidentIdNumber;
import org.govtrust.shared.standard.UnifiedSocialCreditCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprises (legal persons): enrolled by an RA officer, or online by their legal
 * representative, a real-name-verified GovTrust citizen whom the business registry names
 * for that credit code. The credit code is checked with its check character; all wrong
 * fields are reported at once.
 */
@Service
public class EnterpriseService {

	static final String LEGAL_REP_LOOKUP = "ca-legal-rep";

	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9A-Za-z]{1,32}");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final EnterpriseStore store;

	private final PersonalDataCipher cipher;

	private final AccountService accounts;

	private final ObjectProvider<BusinessRegistry> registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EnterpriseService(EnterpriseStore store, PersonalDataCipher cipher, AccountService accounts,
			ObjectProvider<BusinessRegistry> registry, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.cipher = cipher;
		this.accounts = accounts;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Enrols an enterprise at an RA office.
	 * @param command what the officer entered
	 * @param actor the officer ({@code staff:…})
	 * @return the enterprise
	 */
	@Transactional
	public EnterpriseView enrol(EnrolEnterpriseCommand command, String actor) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = name(command.name(), problems);
		String code = creditCode(command.creditCode(), problems);
		String repName = command.legalRepName() == null ? "" : command.legalRepName().strip();
		if (repName.isEmpty() || repName.length() > 50) {
			problems.add(new FieldProblem("legalRepName", CaError.LEGAL_REP_NAME));
		}
		String repId = "";
		if (ResidentIdNumber.check(command.legalRepIdNumber() == null ? "" : command.legalRepIdNumber(),
				LocalDate.now(this.clock.withZone(CHINA))) instanceof ResidentIdNumber.Valid valid) {
			repId = valid.canonical();
		}
		else {
			problems.add(new FieldProblem("legalRepIdNumber", CaError.LEGAL_REP_ID_NUMBER));
		}
		String fund = accountNumber("housingFundNumber", command.housingFundNumber(), problems);
		String social = accountNumber("socialSecurityNumber", command.socialSecurityNumber(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return insert(name, code, repName, repId, fund, social, actor);
	}

	/**
	 * Enrols an enterprise online: the signed-in citizen must be real-name verified and be
	 * the legal representative the business registry has for the code, and the name must be
	 * the registered one.
	 * @param citizenId the signed-in citizen
	 * @param rawName the name entered
	 * @param rawCode the credit code entered
	 * @param rawFund optional housing-fund number
	 * @param rawSocial optional social-security number
	 * @return the enterprise
	 */
	@Transactional
	public EnterpriseView enrolOnline(UUID citizenId, String rawName, String rawCode, @Nullable String rawFund,
			@Nullable String rawSocial) {
		PersonClaims person = verifiedPerson(citizenId);
		List<FieldProblem> problems = new ArrayList<>();
		String name = name(rawName, problems);
		String code = creditCode(rawCode, problems);
		String fund = accountNumber("housingFundNumber", rawFund, problems);
		String social = accountNumber("socialSecurityNumber", rawSocial, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		BusinessRegistry.RegisteredBusiness business = this.registry.stream()
			.findFirst()
			.flatMap((r) -> r.find(code))
			.filter((b) -> b.name().equals(name))
			.orElseThrow(() -> TrustException.forField("name", CaError.REGISTRY_MISMATCH));
		if (!business.legalRepIdNumber().equals(person.idNumber())) {
			throw new TrustException(CaError.NOT_LEGAL_REPRESENTATIVE);
		}
		return insert(name, code, person.name(), person.idNumber(), fund, social, "citizen:" + citizenId);
	}

	private EnterpriseView insert(String name, String code, String repName, String repId, @Nullable String fund,
			@Nullable String social, String actor) {
		if (this.store.findByCreditCode(code).isPresent()) {
			throw TrustException.forField("creditCode", CaError.ENTERPRISE_EXISTS);
		}
		Instant now = this.clock.instant();
		EnterpriseRow row = new EnterpriseRow(UUID.randomUUID(), name, code, this.cipher.encrypt(repName),
				this.cipher.encrypt(repId), this.cipher.lookupHash(LEGAL_REP_LOOKUP, repId), fund, social, actor, now, 0);
		this.store.insert(row);
		this.events.publishEvent(new EnterpriseEnrolled(row.id(), actor, now));
		return view(row);
	}

	/**
	 * The real-name-verified citizen, or the error that says what is missing.
	 * @param citizenId the citizen
	 * @return their claims
	 */
	PersonClaims verifiedPerson(UUID citizenId) {
		PersonClaims person = this.accounts.claims(citizenId);
		if (person.realNameLevel() == RealNameLevel.NONE) {
			throw new TrustException(CaError.REAL_NAME_REQUIRED);
		}
		return person;
	}

	/**
	 * Refuses a citizen who is not real-name verified (online enterprise services need it).
	 * @param citizenId the citizen
	 */
	public void requireVerified(UUID citizenId) {
		verifiedPerson(citizenId);
	}

	public EnterpriseView get(UUID id) {
		return view(row(id));
	}

	EnterpriseRow row(UUID id) {
		return this.store.find(id).orElseThrow(() -> new TrustException(CaError.ENTERPRISE_NOT_FOUND));
	}

	public List<EnterpriseView> search(String query) {
		return this.store.search(query == null ? "" : query.strip(), 50).stream().map(this::view).toList();
	}

	/**
	 * The enterprises a citizen is legal representative of.
	 * @param citizenId the citizen
	 * @return the enterprises
	 */
	public List<EnterpriseView> representedBy(UUID citizenId) {
		PersonClaims person = this.accounts.claims(citizenId);
		return this.store.findByLegalRep(this.cipher.lookupHash(LEGAL_REP_LOOKUP, person.idNumber()))
			.stream()
			.map(this::view)
			.toList();
	}

	/**
	 * Whether a citizen is the enterprise's legal representative.
	 * @param citizenId the citizen
	 * @param enterpriseId the enterprise
	 * @return whether
	 */
	public boolean isLegalRepresentative(UUID citizenId, UUID enterpriseId) {
		return representedBy(citizenId).stream().anyMatch((e) -> e.id().equals(enterpriseId));
	}

	String legalRepName(EnterpriseRow row) {
		return this.cipher.decrypt(row.legalRepName());
	}

	EnterpriseView view(EnterpriseRow row) {
		return new EnterpriseView(row.id(), row.name(), row.creditCode(),
				Masking.name(this.cipher.decrypt(row.legalRepName())),
				Masking.idNumber(this.cipher.decrypt(row.legalRepIdNumber())), row.housingFundNumber(),
				row.socialSecurityNumber(), row.enrolledAt());
	}

	private static String name(@Nullable String raw, List<FieldProblem> problems) {
		String name = raw == null ? "" : raw.strip();
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", CaError.ENTERPRISE_NAME));
		}
		return name;
	}

	static String creditCode(@Nullable String raw, List<FieldProblem> problems) {
		UnifiedSocialCreditCode.Check check = UnifiedSocialCreditCode.check(raw == null ? "" : raw);
		if (check.problem() != null) {
			problems.add(switch (check.problem()) {
				case EMPTY, LENGTH -> new FieldProblem("creditCode", CaError.CREDIT_CODE_LENGTH,
						check.canonical().length());
				case CHARSET -> new FieldProblem("creditCode", CaError.CREDIT_CODE_CHARSET, check.position());
				case CHECK_CHARACTER -> new FieldProblem("creditCode", CaError.CREDIT_CODE_CHECK);
			});
		}
		return check.canonical();
	}

	static @Nullable String accountNumber(String field, @Nullable String raw, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String value = raw.strip();
		if (!ACCOUNT_NUMBER.matcher(value).matches()) {
			problems.add(new FieldProblem(field, CaError.ACCOUNT_NUMBER_FORMAT));
		}
		return value;
	}

}
