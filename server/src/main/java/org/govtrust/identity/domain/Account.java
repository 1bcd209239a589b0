package org.govtrust.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.govtrust.identity.AccountStatus;
import org.govtrust.identity.RealNameLevel;
import org.govtrust.identity.VerificationMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A natural person's account. The ID number is the default login name; its real-name level
 * records how the person was proven.
 */
@Table("idn_account")
public class Account {

	@Id
	private final UUID id;

	@Version
	private @Nullable Integer version;

	private String name;

	private final String idNumberCipher;

	private final String idNumberHash;

	private final String idNumberMasked;

	private String phoneCipher;

	private String phoneHash;

	private String phoneMasked;

	private @Nullable String loginName;

	private String passwordHash;

	private AccountStatus status;

	private RealNameLevel realNameLevel;

	private @Nullable VerificationMethod verificationMethod;

	private @Nullable String verificationReference;

	private @Nullable Instant verifiedAt;

	private @Nullable LocalDate cardValidFrom;

	private @Nullable LocalDate cardValidTo;

	private final Instant createdAt;

	private boolean businessRegistration;

	private @Nullable LocalDate businessRegistrationUntil;

	private @Nullable UUID mergedInto;

	private @Nullable Instant passwordChangedAt;

	Account(UUID id, @Nullable Integer version, String name, String idNumberCipher, String idNumberHash,
			String idNumberMasked, String phoneCipher, String phoneHash, String phoneMasked,
			@Nullable String loginName, String passwordHash, AccountStatus status, RealNameLevel realNameLevel,
			@Nullable VerificationMethod verificationMethod, @Nullable String verificationReference,
			@Nullable Instant verifiedAt, @Nullable LocalDate cardValidFrom, @Nullable LocalDate cardValidTo,
			Instant createdAt, boolean businessRegistration, @Nullable LocalDate businessRegistrationUntil,
			@Nullable UUID mergedInto, @Nullable Instant passwordChangedAt) {
		this.id = id;
		this.version = version;
		this.name = name;
		this.idNumberCipher = idNumberCipher;
		this.idNumberHash = idNumberHash;
		this.idNumberMasked = idNumberMasked;
		this.phoneCipher = phoneCipher;
		this.phoneHash = phoneHash;
		this.phoneMasked = phoneMasked;
		this.loginName = loginName;
		this.passwordHash = passwordHash;
		this.status = status;
		this.realNameLevel = realNameLevel;
		this.verificationMethod = verificationMethod;
		this.verificationReference = verificationReference;
		this.verifiedAt = verifiedAt;
		this.cardValidFrom = cardValidFrom;
		this.cardValidTo = cardValidTo;
		this.createdAt = createdAt;
		this.businessRegistration = businessRegistration;
		this.businessRegistrationUntil = businessRegistrationUntil;
		this.mergedInto = mergedInto;
		this.passwordChangedAt = passwordChangedAt;
	}

	/**
	 * The account a completed online registration creates: active, verified online.
	 * @param id the new id
	 * @param registration the registration, real name verified
	 * @param loginName the optional custom login name
	 * @param passwordHash the encoded password
	 * @param now the current time
	 * @return the account
	 */
	public static Account fromRegistration(UUID id, Registration registration, @Nullable String loginName,
			String passwordHash, Instant now) {
		return new Account(id, null, registration.getName(), registration.getIdNumberCipher(),
				registration.getIdNumberHash(), registration.getIdNumberMasked(), registration.getPhoneCipher(),
				registration.getPhoneHash(), registration.getPhoneMasked(), loginName, passwordHash,
				AccountStatus.ACTIVE,
				registration.getVerificationMethod() == VerificationMethod.COUNTER ? RealNameLevel.COUNTER_VERIFIED
						: RealNameLevel.ONLINE_VERIFIED,
				registration.getVerificationMethod(),
				registration.getVerificationReference(), now, registration.getValidFrom(), registration.getValidTo(),
				now, false, null, null, now);
	}

	/**
	 * An account synced from the previous system: it exists but must be activated by its
	 * owner (phone code, new password) before use.
	 */
	public static Account imported(UUID id, String name, ProtectedValue idNumber, ProtectedValue phone, Instant now) {
		return new Account(id, null, name, idNumber.cipher(), idNumber.hash(), idNumber.masked(), phone.cipher(),
				phone.hash(), phone.masked(), null, NO_PASSWORD, AccountStatus.PENDING_ACTIVATION, RealNameLevel.NONE,
				null, null, null, null, null, now, false, null, null, null);
	}

	/** The password hash of an account that has none yet; no password ever matches it. */
	public static final String NO_PASSWORD = "!";

	/** Whether a password was ever set. */
	public boolean hasPassword() {
		return !NO_PASSWORD.equals(this.passwordHash);
	}

	/** Sets a new password (already hashed). */
	public void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
	}

	/** The owner activated the migrated account. */
	public void activate(String newPasswordHash, Instant now) {
		if (this.status != AccountStatus.PENDING_ACTIVATION) {
			throw new org.govtrust.shared.error.TrustException(org.govtrust.identity.IdentityError.NOT_PENDING_ACTIVATION);
		}
		this.status = AccountStatus.ACTIVE;
		changePassword(newPasswordHash, now);
	}

	/** An operator sends the account back to activation: the password no longer works. */
	public void resetActivation() {
		ensureNotMerged();
		this.status = AccountStatus.PENDING_ACTIVATION;
		this.passwordHash = NO_PASSWORD;
	}

	public void deactivate() {
		ensureNotMerged();
		this.status = AccountStatus.DEACTIVATED;
	}

	public void reactivate() {
		ensureNotMerged();
		this.status = hasPassword() ? AccountStatus.ACTIVE : AccountStatus.PENDING_ACTIVATION;
	}

	/** This account was a duplicate and now lives on in another. */
	public void mergeInto(UUID survivor) {
		ensureNotMerged();
		this.status = AccountStatus.DEACTIVATED;
		this.mergedInto = survivor;
	}

	private void ensureNotMerged() {
		if (this.mergedInto != null) {
			throw new org.govtrust.shared.error.TrustException(org.govtrust.identity.IdentityError.ACCOUNT_MERGED);
		}
	}

	public void changePhone(ProtectedValue phone) {
		this.phoneCipher = phone.cipher();
		this.phoneHash = phone.hash();
		this.phoneMasked = phone.masked();
	}

	/** The real name was (re-)verified online with these elements. */
	public void verifiedOnline(String name, LocalDate validFrom, @Nullable LocalDate validTo, VerificationMethod method,
			String reference, Instant now) {
		this.name = name;
		this.cardValidFrom = validFrom;
		this.cardValidTo = validTo;
		if (this.realNameLevel != RealNameLevel.COUNTER_VERIFIED) {
			this.realNameLevel = RealNameLevel.ONLINE_VERIFIED;
			this.verificationMethod = method;
		}
		this.verificationReference = reference;
		this.verifiedAt = now;
	}

	/** A counter clerk verified the person in person. */
	public void verifiedAtCounter(String ledgerReference, Instant now) {
		this.realNameLevel = RealNameLevel.COUNTER_VERIFIED;
		this.verificationMethod = VerificationMethod.COUNTER;
		this.verificationReference = ledgerReference;
		this.verifiedAt = now;
	}

	/** Sets the "may handle business registration" switch. */
	public void businessRegistration(boolean enabled, @Nullable LocalDate until) {
		this.businessRegistration = enabled;
		this.businessRegistrationUntil = enabled ? until : null;
	}

	public boolean isBusinessRegistration() {
		return this.businessRegistration;
	}

	public @Nullable LocalDate getBusinessRegistrationUntil() {
		return this.businessRegistrationUntil;
	}

	public @Nullable UUID getMergedInto() {
		return this.mergedInto;
	}

	public @Nullable Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	public String getPhoneCipher() {
		return this.phoneCipher;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getIdNumberHash() {
		return this.idNumberHash;
	}

	public String getIdNumberMasked() {
		return this.idNumberMasked;
	}

	public String getIdNumberCipher() {
		return this.idNumberCipher;
	}

	public String getPhoneMasked() {
		return this.phoneMasked;
	}

	public String getPhoneHash() {
		return this.phoneHash;
	}

	public @Nullable String getLoginName() {
		return this.loginName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public AccountStatus getStatus() {
		return this.status;
	}

	public RealNameLevel getRealNameLevel() {
		return this.realNameLevel;
	}

	public @Nullable VerificationMethod getVerificationMethod() {
		return this.verificationMethod;
	}

	public @Nullable Instant getVerifiedAt() {
		return this.verifiedAt;
	}

	public @Nullable LocalDate getCardValidFrom() {
		return this.cardValidFrom;
	}

	public @Nullable LocalDate getCardValidTo() {
		return this.cardValidTo;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
