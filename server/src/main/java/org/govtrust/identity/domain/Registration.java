package org.govtrust.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.govtrust.identity.IdentityError;
import org.govtrust.identity.RegistrationStatus;
import org.govtrust.identity.VerificationMethod;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registration in progress. It holds the entered elements (ID and phone numbers
 * encrypted) until the account exists, and expires unfinished after a fixed time. Its id is
 * random and serves as the capability to continue it.
 */
@Table("idn_registration")
public class Registration {

	@Id
	private final UUID id;

	@Version
	private @Nullable Integer version;

	private RegistrationStatus status;

	private final String name;

	private final String idNumberCipher;

	private final String idNumberHash;

	private final String idNumberMasked;

	private LocalDate validFrom;

	private @Nullable LocalDate validTo;

	private final String phoneCipher;

	private final String phoneHash;

	private final String phoneMasked;

	private @Nullable VerificationMethod verificationMethod;

	private @Nullable String verificationReference;

	private @Nullable String networkTransaction;

	private @Nullable UUID accountId;

	private final Instant createdAt;

	private final Instant expiresAt;

	private final @Nullable String browserKeyHash;

	Registration(UUID id, @Nullable Integer version, RegistrationStatus status, String name, String idNumberCipher,
			String idNumberHash, String idNumberMasked, LocalDate validFrom, @Nullable LocalDate validTo,
			String phoneCipher, String phoneHash, String phoneMasked, @Nullable VerificationMethod verificationMethod,
			@Nullable String verificationReference, @Nullable String networkTransaction, @Nullable UUID accountId,
			Instant createdAt, Instant expiresAt, @Nullable String browserKeyHash) {
		this.id = id;
		this.version = version;
		this.status = status;
		this.name = name;
		this.idNumberCipher = idNumberCipher;
		this.idNumberHash = idNumberHash;
		this.idNumberMasked = idNumberMasked;
		this.validFrom = validFrom;
		this.validTo = validTo;
		this.phoneCipher = phoneCipher;
		this.phoneHash = phoneHash;
		this.phoneMasked = phoneMasked;
		this.verificationMethod = verificationMethod;
		this.verificationReference = verificationReference;
		this.networkTransaction = networkTransaction;
		this.accountId = accountId;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.browserKeyHash = browserKeyHash;
	}

	/**
	 * Starts a registration.
	 * @param browserKeyHash the hash of the key of the browser that started it on the web pages
	 * (only that browser may continue it), or null when started through the API
	 */
	public static Registration start(UUID id, String name, ProtectedValue idNumber, LocalDate validFrom,
			@Nullable LocalDate validTo, ProtectedValue phone, Instant now, Duration ttl,
			@Nullable String browserKeyHash) {
		return new Registration(id, null, RegistrationStatus.PHONE_PENDING, name, idNumber.cipher(), idNumber.hash(),
				idNumber.masked(), validFrom, validTo, phone.cipher(), phone.hash(), phone.masked(), null, null, null,
				null, now, now.plus(ttl), browserKeyHash);
	}

	/**
	 * Fails unless the registration is still open.
	 * @param now the current time
	 * @param ttlMinutes the configured lifetime, for the message
	 */
	public void ensureOpen(Instant now, long ttlMinutes) {
		if (this.status == RegistrationStatus.COMPLETED) {
			throw new TrustException(IdentityError.REGISTRATION_COMPLETED);
		}
		if (!now.isBefore(this.expiresAt)) {
			throw new TrustException(IdentityError.REGISTRATION_NOT_FOUND, ttlMinutes);
		}
	}

	/** The phone code was right. */
	public void phoneVerified() {
		if (this.status != RegistrationStatus.PHONE_PENDING) {
			throw new TrustException(IdentityError.PHONE_ALREADY_VERIFIED);
		}
		this.status = RegistrationStatus.IDENTITY_PENDING;
	}

	/** Fails unless the next step is real-name verification. */
	public void ensureAwaitingIdentity() {
		if (this.status == RegistrationStatus.PHONE_PENDING) {
			throw new TrustException(IdentityError.PHONE_NOT_VERIFIED);
		}
		if (this.status == RegistrationStatus.ACCOUNT_PENDING) {
			throw new TrustException(IdentityError.IDENTITY_ALREADY_VERIFIED);
		}
		if (this.status != RegistrationStatus.IDENTITY_PENDING) {
			throw new TrustException(IdentityError.REGISTRATION_COMPLETED);
		}
	}

	/** A network-identity transaction was started. */
	public void networkIdentityStarted(String transactionId) {
		ensureAwaitingIdentity();
		this.networkTransaction = transactionId;
	}

	/** The network-identity transaction has its outcome: the provider answers it once. */
	public void networkIdentityEnded() {
		this.networkTransaction = null;
	}

	/**
	 * The network identity vouched for the person with card dates other than the ones
	 * entered (e.g. a replacement card): the authoritative dates replace them.
	 * @param from the authoritative start date
	 * @param to the authoritative end date, null for long-term
	 */
	public void adoptAuthoritativeValidity(LocalDate from, @Nullable LocalDate to) {
		this.validFrom = from;
		this.validTo = to;
	}

	/** The real name was verified. */
	public void identityVerified(VerificationMethod method, String reference) {
		ensureAwaitingIdentity();
		this.status = RegistrationStatus.ACCOUNT_PENDING;
		this.verificationMethod = method;
		this.verificationReference = reference;
	}

	/** Fails unless the next step is creating the account. */
	public void ensureAwaitingAccount() {
		if (this.status == RegistrationStatus.PHONE_PENDING) {
			throw new TrustException(IdentityError.PHONE_NOT_VERIFIED);
		}
		if (this.status == RegistrationStatus.IDENTITY_PENDING) {
			throw new TrustException(IdentityError.IDENTITY_NOT_VERIFIED);
		}
	}

	/**
	 * The account was created.
	 * @param createdAccount the new account's id
	 */
	public void completed(UUID createdAccount) {
		ensureAwaitingAccount();
		this.status = RegistrationStatus.COMPLETED;
		this.accountId = createdAccount;
	}

	public @Nullable UUID getAccountId() {
		return this.accountId;
	}

	public UUID getId() {
		return this.id;
	}

	public RegistrationStatus getStatus() {
		return this.status;
	}

	public String getName() {
		return this.name;
	}

	public String getIdNumberCipher() {
		return this.idNumberCipher;
	}

	public String getIdNumberHash() {
		return this.idNumberHash;
	}

	public String getIdNumberMasked() {
		return this.idNumberMasked;
	}

	public LocalDate getValidFrom() {
		return this.validFrom;
	}

	public @Nullable LocalDate getValidTo() {
		return this.validTo;
	}

	public String getPhoneCipher() {
		return this.phoneCipher;
	}

	public String getPhoneHash() {
		return this.phoneHash;
	}

	public String getPhoneMasked() {
		return this.phoneMasked;
	}

	public @Nullable VerificationMethod getVerificationMethod() {
		return this.verificationMethod;
	}

	public @Nullable String getVerificationReference() {
		return this.verificationReference;
	}

	public @Nullable String getBrowserKeyHash() {
		return this.browserKeyHash;
	}

	public @Nullable String getNetworkTransaction() {
		return this.networkTransaction;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

}
