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

	private LocalDate cardValidFrom;

	private @Nullable LocalDate cardValidTo;

	private final Instant createdAt;

	Account(UUID id, @Nullable Integer version, String name, String idNumberCipher, String idNumberHash,
			String idNumberMasked, String phoneCipher, String phoneHash, String phoneMasked,
			@Nullable String loginName, String passwordHash, AccountStatus status, RealNameLevel realNameLevel,
			@Nullable VerificationMethod verificationMethod, @Nullable String verificationReference,
			@Nullable Instant verifiedAt, LocalDate cardValidFrom, @Nullable LocalDate cardValidTo,
			Instant createdAt) {
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
				AccountStatus.ACTIVE, RealNameLevel.ONLINE_VERIFIED, registration.getVerificationMethod(),
				registration.getVerificationReference(), now, registration.getValidFrom(), registration.getValidTo(),
				now);
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

	public LocalDate getCardValidFrom() {
		return this.cardValidFrom;
	}

	public @Nullable LocalDate getCardValidTo() {
		return this.cardValidTo;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
