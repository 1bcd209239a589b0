package org.govtrust.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.govtrust.identity.domain.Account;
import org.govtrust.identity.domain.AccountRepository;
import org.govtrust.identity.domain.CardDates;
import org.govtrust.identity.domain.CardValidity;
import org.govtrust.identity.domain.IdNumbers;
import org.govtrust.identity.domain.PasswordPolicy;
import org.govtrust.identity.domain.PersonName;
import org.govtrust.identity.domain.ProtectedValue;
import org.govtrust.identity.persistence.AccountChanges;
import org.govtrust.identity.persistence.IdentityProofs;
import org.govtrust.identity.spi.IdentityElements;
import org.govtrust.shared.error.TrustException;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activation of accounts synced from the previous system (seed 002 §九): step 1 the ID
 * number, step 2 an SMS code to the phone on record (the person types that number), step 3
 * a new password; then the person is signed in. When the phone on record is wrong or gone,
 * the person re-proves their identity by face and activates with a new phone, or a counter
 * clerk or operator corrects the phone.
 */
@Service
public class ActivationService {

	private static final Duration FACE_PROOF_VALIDITY = Duration.ofMinutes(30);

	private final AccountRepository accounts;

	private final AccountChanges changes;

	private final IdentityProofs proofs;

	private final FaceVerifier faces;

	private final SmsCodeService smsCodes;

	private final MobileNumbers mobileNumbers;

	private final PersonalDataCipher cipher;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public ActivationService(AccountRepository accounts, AccountChanges changes, IdentityProofs proofs,
			FaceVerifier faces, SmsCodeService smsCodes, MobileNumbers mobileNumbers, PersonalDataCipher cipher,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.accounts = accounts;
		this.changes = changes;
		this.proofs = proofs;
		this.faces = faces;
		this.smsCodes = smsCodes;
		this.mobileNumbers = mobileNumbers;
		this.cipher = cipher;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Step 1: is there an account waiting for activation under this ID number?
	 * @param idNumber the ID number
	 * @return the account, masked
	 * @throws TrustException {@code IDN-2034} when none waits (register, or sign in)
	 */
	public AccountView start(String idNumber) {
		return AccountViews.of(pending(idNumber));
	}

	/**
	 * Step 2: sends a code to the phone on record, which the person types.
	 * @param idNumber the ID number
	 * @param phone the phone number the person believes is on record
	 * @param clientAddress the requester's address
	 * @return when the next code may be sent
	 * @throws TrustException {@code IDN-2035} when the number differs from the record (with
	 * the face and counter routes); mismatches count against the SMS limits
	 */
	public CodeSent sendCode(String idNumber, String phone, String clientAddress) {
		Account account = pending(idNumber);
		MobileNumber typed = this.mobileNumbers.parse(phone, "phone");
		String onRecord = this.cipher.decrypt(account.getPhoneCipher());
		if (!onRecord.equals(typed.national())) {
			this.smsCodes.sendNowhere("activation-mismatch:" + account.getId(), SmsPurpose.ACTIVATION, clientAddress);
			throw TrustException.forField("phone", IdentityError.ACTIVATION_PHONE_MISMATCH);
		}
		return this.smsCodes.send(typed, SmsPurpose.ACTIVATION, "activation:" + account.getId(), clientAddress);
	}

	/**
	 * When the phone on record is wrong or gone: re-prove identity by face with the four
	 * elements. Success lets the person activate with a new phone within 30 minutes.
	 * @param idNumber the ID number
	 * @param name the name on the card
	 * @param validFromText the card's start date as typed
	 * @param validToText the card's end date as typed
	 * @param longTerm whether the card is long-term
	 * @param faceImage the face image
	 */
	public void verifyFace(String idNumber, String name, @Nullable String validFromText, @Nullable String validToText,
			boolean longTerm, byte @Nullable [] faceImage) {
		Account account = pending(idNumber);
		LocalDate validFrom = CardDates.from(validFromText);
		LocalDate validTo = CardDates.to(validToText, longTerm);
		ResidentIdNumber.Valid id = IdNumbers.parse(idNumber, today(), "idNumber");
		String normalised = PersonName.normalise(name, "name");
		CardValidity.check(id.birthDate(), validFrom, validTo, today(), true);
		Instant now = this.clock.instant();
		this.faces.verify(account.getIdNumberHash(), account.getId(),
				new IdentityElements(normalised, id.canonical(), validFrom, validTo), faceImage, (reference) -> {
					account.verifiedOnline(normalised, validFrom, validTo, VerificationMethod.FACE, reference, now);
					this.accounts.save(account);
					this.proofs.put(account.getIdNumberHash(), IdentityProofs.FACE, reference,
							now.plus(FACE_PROOF_VALIDITY));
				});
	}

	/**
	 * After {@link #verifyFace}: sends a code to the new phone.
	 * @param idNumber the ID number
	 * @param newPhone the new phone number
	 * @param clientAddress the requester's address
	 * @return when the next code may be sent
	 */
	public CodeSent sendCodeToNewPhone(String idNumber, String newPhone, String clientAddress) {
		Account account = pending(idNumber);
		requireFaceProof(account);
		MobileNumber phone = this.mobileNumbers.parse(newPhone, "phone");
		return this.smsCodes.send(phone, SmsPurpose.ACTIVATION, "activation-new:" + account.getId(), clientAddress);
	}

	/**
	 * Step 3: the code and a new password activate the account.
	 * @param idNumber the ID number
	 * @param code the SMS code
	 * @param password the new password
	 * @param newPhone the new phone when activating after {@link #verifyFace}, else null
	 * @return the active account (the caller signs the person in)
	 */
	public AccountView complete(String idNumber, String code, String password, @Nullable String newPhone) {
		Account account = pending(idNumber);
		boolean replacingPhone = newPhone != null && !newPhone.isBlank();
		MobileNumber phone = replacingPhone ? this.mobileNumbers.parse(newPhone, "phone")
				: new MobileNumber(this.cipher.decrypt(account.getPhoneCipher()));
		String canonicalId = this.cipher.decrypt(account.getIdNumberCipher());
		PasswordPolicy.check(password, Arrays.asList(canonicalId, canonicalId.substring(6, 14), phone.national()));
		if (replacingPhone) {
			requireFaceProof(account);
			this.smsCodes.verify(phone, SmsPurpose.ACTIVATION, "activation-new:" + account.getId(), code);
		}
		else {
			this.smsCodes.verify(phone, SmsPurpose.ACTIVATION, "activation:" + account.getId(), code);
		}
		String hash = this.passwordEncoder.encode(password);
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			if (replacingPhone) {
				String old = account.getPhoneMasked();
				account.changePhone(new ProtectedValue(this.cipher.encrypt(phone.national()),
						this.cipher.lookupHash("phone", phone.national()), phone.masked()));
				this.changes.record(account.getId(), "PHONE", old, phone.masked(), "activation after face check",
						"owner", now);
				this.proofs.remove(account.getIdNumberHash(), IdentityProofs.FACE);
			}
			account.activate(hash, now);
			this.accounts.save(account);
			this.changes.record(account.getId(), "STATUS", AccountStatus.PENDING_ACTIVATION.name(),
					AccountStatus.ACTIVE.name(), "activated by owner", "owner", now);
			this.events.publishEvent(new AccountStatusChanged(account.getId(), AccountStatus.ACTIVE, now));
		});
		return AccountViews.of(account);
	}

	private void requireFaceProof(Account account) {
		if (this.proofs.find(account.getIdNumberHash(), IdentityProofs.FACE, this.clock.instant()).isEmpty()) {
			throw new TrustException(IdentityError.FACE_PROOF_REQUIRED);
		}
	}

	private Account pending(String idNumber) {
		ResidentIdNumber.Valid id = IdNumbers.parse(idNumber, today(), "idNumber");
		return this.accounts.findByIdNumberHash(this.cipher.lookupHash("id", id.canonical()))
			.filter((account) -> account.getStatus() == AccountStatus.PENDING_ACTIVATION
					&& account.getMergedInto() == null)
			.orElseThrow(() -> TrustException.forField("idNumber", IdentityError.NOTHING_TO_ACTIVATE));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), DisplayTime.ZONE);
	}

}
