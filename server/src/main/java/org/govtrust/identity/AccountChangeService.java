package org.govtrust.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.govtrust.identity.domain.Account;
import org.govtrust.identity.domain.AccountRepository;
import org.govtrust.identity.domain.CardValidity;
import org.govtrust.identity.domain.PersonName;
import org.govtrust.identity.domain.ProtectedValue;
import org.govtrust.identity.persistence.AccountChanges;
import org.govtrust.identity.persistence.IdentityProofs;
import org.govtrust.identity.spi.IdentityElements;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes a signed-in owner makes to their own account, keeping the account and its
 * history (the seeds' "deregister and register again" is never needed):
 * <ul>
 * <li>name change: the new name is verified with the authority (four elements + face);
 * the old name stays in the history;</li>
 * <li>a replaced card or a second card with other dates: the new dates are verified the
 * same way;</li>
 * <li>phone change: proven with the old phone's code, or, when the old phone is lost, by
 * face; then the new phone's code.</li>
 * </ul>
 */
@Service
public class AccountChangeService {

	private static final Duration PROOF_VALIDITY = Duration.ofMinutes(15);

	private final AccountRepository accounts;

	private final AccountChanges changes;

	private final IdentityProofs proofs;

	private final FaceVerifier faces;

	private final SmsCodeService smsCodes;

	private final MobileNumbers mobileNumbers;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public AccountChangeService(AccountRepository accounts, AccountChanges changes, IdentityProofs proofs,
			FaceVerifier faces, SmsCodeService smsCodes, MobileNumbers mobileNumbers, PersonalDataCipher cipher,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.changes = changes;
		this.proofs = proofs;
		this.faces = faces;
		this.smsCodes = smsCodes;
		this.mobileNumbers = mobileNumbers;
		this.cipher = cipher;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Re-verifies the person with a (possibly new) name and the dates of their current card,
	 * and records both. Used for a name change and for a replaced or second card.
	 * @param accountId the owner's account
	 * @param name the name now on the card
	 * @param validFrom the card's start date
	 * @param validTo the card's end date, null for long-term
	 * @param faceImage the face image
	 * @return the account
	 */
	public AccountView reverify(UUID accountId, String name, LocalDate validFrom, @Nullable LocalDate validTo,
			byte @Nullable [] faceImage) {
		Account account = load(accountId);
		String idNumber = this.cipher.decrypt(account.getIdNumberCipher());
		ResidentIdNumber.Valid id = (ResidentIdNumber.Valid) ResidentIdNumber.check(idNumber, today());
		String normalised = PersonName.normalise(name, "name");
		CardValidity.check(id.birthDate(), validFrom, validTo, today(), true);
		String oldName = Masking.name(account.getName());
		String oldCard = card(account.getCardValidFrom(), account.getCardValidTo());
		boolean nameChanged = !normalised.equals(account.getName());
		Instant now = this.clock.instant();
		this.faces.verify(account.getIdNumberHash(), accountId,
				new IdentityElements(normalised, idNumber, validFrom, validTo), faceImage, (reference) -> {
					account.verifiedOnline(normalised, validFrom, validTo, VerificationMethod.FACE, reference, now);
					this.accounts.save(account);
					if (nameChanged) {
						this.changes.record(accountId, "NAME", oldName, Masking.name(normalised), null, "owner", now);
						this.events.publishEvent(new AccountChanged(accountId, "NAME", "owner", now));
					}
					this.changes.record(accountId, "CARD", oldCard, card(validFrom, validTo), null, "owner", now);
					this.events.publishEvent(new AccountChanged(accountId, "CARD", "owner", now));
				});
		return AccountViews.of(account);
	}

	/**
	 * Phone change, route A step 1: a code to the phone on record.
	 * @param accountId the owner's account
	 * @param clientAddress the requester's address
	 * @return when the next code may be sent
	 */
	public CodeSent sendOldPhoneCode(UUID accountId, String clientAddress) {
		Account account = load(accountId);
		return this.smsCodes.send(new MobileNumber(this.cipher.decrypt(account.getPhoneCipher())),
				SmsPurpose.PHONE_CHANGE, "phone-old:" + accountId, clientAddress);
	}

	/**
	 * Phone change, route A step 2: the old phone's code proves the owner holds it.
	 * @param accountId the owner's account
	 * @param code the code
	 */
	public void verifyOldPhone(UUID accountId, String code) {
		Account account = load(accountId);
		this.smsCodes.verify(new MobileNumber(this.cipher.decrypt(account.getPhoneCipher())), SmsPurpose.PHONE_CHANGE,
				"phone-old:" + accountId, code);
		this.proofs.put(account.getIdNumberHash(), IdentityProofs.OLD_PHONE, "sms",
				this.clock.instant().plus(PROOF_VALIDITY));
	}

	/**
	 * Phone change, route B (old phone lost): re-prove identity by face with the elements
	 * on record.
	 * @param accountId the owner's account
	 * @param faceImage the face image
	 */
	public void verifyFaceForPhoneChange(UUID accountId, byte @Nullable [] faceImage) {
		Account account = load(accountId);
		LocalDate from = account.getCardValidFrom();
		if (from == null) {
			throw new TrustException(IdentityError.CARD_DATES_UNKNOWN);
		}
		Instant now = this.clock.instant();
		this.faces.verify(account.getIdNumberHash(), accountId, new IdentityElements(account.getName(),
				this.cipher.decrypt(account.getIdNumberCipher()), from, account.getCardValidTo()), faceImage,
				(reference) -> this.proofs.put(account.getIdNumberHash(), IdentityProofs.FACE, reference,
						now.plus(PROOF_VALIDITY)));
	}

	/**
	 * Phone change, last steps: a code to the new phone, after route A or B.
	 * @param accountId the owner's account
	 * @param newPhone the new phone
	 * @param clientAddress the requester's address
	 * @return when the next code may be sent
	 */
	public CodeSent sendNewPhoneCode(UUID accountId, String newPhone, String clientAddress) {
		Account account = load(accountId);
		requireProof(account);
		MobileNumber phone = this.mobileNumbers.parse(newPhone, "phone");
		return this.smsCodes.send(phone, SmsPurpose.PHONE_CHANGE, "phone-new:" + accountId, clientAddress);
	}

	/**
	 * Completes the phone change with the new phone's code.
	 * @param accountId the owner's account
	 * @param newPhone the new phone
	 * @param code its code
	 * @return the account
	 */
	public AccountView completePhoneChange(UUID accountId, String newPhone, String code) {
		Account account = load(accountId);
		requireProof(account);
		MobileNumber phone = this.mobileNumbers.parse(newPhone, "phone");
		this.smsCodes.verify(phone, SmsPurpose.PHONE_CHANGE, "phone-new:" + accountId, code);
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			String old = account.getPhoneMasked();
			account.changePhone(new ProtectedValue(this.cipher.encrypt(phone.national()),
					this.cipher.lookupHash("phone", phone.national()), phone.masked()));
			this.accounts.save(account);
			this.proofs.remove(account.getIdNumberHash(), IdentityProofs.FACE);
			this.proofs.remove(account.getIdNumberHash(), IdentityProofs.OLD_PHONE);
			this.changes.record(accountId, "PHONE", old, phone.masked(), null, "owner", now);
			this.events.publishEvent(new AccountChanged(accountId, "PHONE", "owner", now));
		});
		return AccountViews.of(account);
	}

	private void requireProof(Account account) {
		Instant now = this.clock.instant();
		if (this.proofs.find(account.getIdNumberHash(), IdentityProofs.OLD_PHONE, now).isEmpty()
				&& this.proofs.find(account.getIdNumberHash(), IdentityProofs.FACE, now).isEmpty()) {
			throw new TrustException(IdentityError.FACE_PROOF_REQUIRED);
		}
	}

	private Account load(UUID id) {
		return this.accounts.findById(id)
			.filter((account) -> account.getStatus() == AccountStatus.ACTIVE)
			.orElseThrow(() -> new TrustException(IdentityError.ACCOUNT_NOT_FOUND));
	}

	static String card(@Nullable LocalDate from, @Nullable LocalDate to) {
		return (from == null) ? "-" : from + "–" + (to == null ? "长期" : to.toString());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), DisplayTime.ZONE);
	}

}
