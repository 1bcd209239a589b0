package org.govtrust.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.govtrust.identity.domain.Account;
import org.govtrust.identity.domain.AccountRepository;
import org.govtrust.identity.domain.IdNumbers;
import org.govtrust.identity.domain.PasswordPolicy;
import org.govtrust.identity.domain.PersonName;
import org.govtrust.identity.persistence.AccountChanges;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.standard.ResidentIdNumber;
import org.govtrust.shared.time.DisplayTime;
import org.govtrust.sms.CodeSent;
import org.govtrust.sms.MobileNumber;
import org.govtrust.sms.SmsCodeService;
import org.govtrust.sms.SmsError;
import org.govtrust.sms.SmsPurpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords: the person gives their identity elements (name, ID number and, when
 * on record, the card dates); if they match an active account, a code goes to the phone on
 * record. The answer is the same whether they match or not. With the code and a new
 * password the reset completes; every session of the account ends, and the new password
 * works at once on every node.
 */
@Service
public class PasswordResetService {

	private final AccountRepository accounts;

	private final AccountChanges changes;

	private final SmsCodeService smsCodes;

	private final PersonalDataCipher cipher;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public PasswordResetService(AccountRepository accounts, AccountChanges changes, SmsCodeService smsCodes,
			PersonalDataCipher cipher, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.changes = changes;
		this.smsCodes = smsCodes;
		this.cipher = cipher;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Requests a reset code.
	 * @param name the name as on the card
	 * @param idNumber the ID number
	 * @param validFrom the card's start date (checked when the account has card dates)
	 * @param validTo the card's end date, null for long-term
	 * @param clientAddress the requester's address
	 * @return when the next code may be requested; the same shape whether or not a code went out
	 */
	public CodeSent requestCode(String name, String idNumber, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, String clientAddress) {
		ResidentIdNumber.Valid id = IdNumbers.parse(idNumber, today(), "idNumber");
		String normalisedName = PersonName.normalise(name, "name");
		Optional<Account> match = this.accounts.findByIdNumberHash(this.cipher.lookupHash("id", id.canonical()))
			.filter((account) -> account.getStatus() == AccountStatus.ACTIVE && account.getMergedInto() == null)
			.filter((account) -> account.getName().equals(normalisedName))
			.filter((account) -> account.getCardValidFrom() == null
					|| (account.getCardValidFrom().equals(validFrom) && Objects.equals(account.getCardValidTo(), validTo)));
		CodeSent sent = match.isPresent()
				? this.smsCodes.send(new MobileNumber(this.cipher.decrypt(match.get().getPhoneCipher())),
						SmsPurpose.PASSWORD_RESET, scope(match.get()), clientAddress)
				: this.smsCodes.sendNowhere("reset:" + this.cipher.lookupHash("id", id.canonical()),
						SmsPurpose.PASSWORD_RESET, clientAddress);
		return new CodeSent("", sent.expiresAt(), sent.nextSendAt());
	}

	/**
	 * Completes a reset.
	 * @param idNumber the ID number the code was requested for
	 * @param code the code
	 * @param newPassword the new password
	 * @return the account
	 * @throws TrustException the SMS code errors (the same when nothing matched), password policy errors
	 */
	public AccountView complete(String idNumber, String code, String newPassword) {
		ResidentIdNumber.Valid id = IdNumbers.parse(idNumber, today(), "idNumber");
		Account account = this.accounts.findByIdNumberHash(this.cipher.lookupHash("id", id.canonical()))
			.filter((candidate) -> candidate.getStatus() == AccountStatus.ACTIVE)
			.orElse(null);
		if (account == null) {
			if (code == null || !code.strip().matches("[0-9]{6}")) {
				throw TrustException.forField("code", SmsError.CODE_FORMAT);
			}
			throw TrustException.forField("code", SmsError.CODE_NONE);
		}
		String phone = this.cipher.decrypt(account.getPhoneCipher());
		PasswordPolicy.check(newPassword, Arrays.asList(id.canonical(), id.canonical().substring(6, 14), phone,
				account.getLoginName()));
		this.smsCodes.verify(new MobileNumber(phone), SmsPurpose.PASSWORD_RESET, scope(account), code);
		String hash = this.passwordEncoder.encode(newPassword);
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			account.changePassword(hash, now);
			this.accounts.save(account);
			this.changes.record(account.getId(), "PASSWORD", null, null, "reset by SMS code", "owner", now);
			this.events.publishEvent(new PasswordChanged(account.getId(), now));
		});
		return AccountViews.of(account);
	}

	private static String scope(Account account) {
		return "reset:" + account.getId();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), DisplayTime.ZONE);
	}

}
