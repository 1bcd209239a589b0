package org.govtrust.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.govtrust.identity.domain.Account;
import org.govtrust.identity.domain.AccountRepository;
import org.govtrust.identity.domain.FreeText;
import org.govtrust.identity.domain.IdNumbers;
import org.govtrust.identity.domain.PersonName;
import org.govtrust.identity.domain.ProtectedValue;
import org.govtrust.identity.persistence.AccountChanges;
import org.govtrust.shared.chain.ChainEntry;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.Masking;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.standard.ResidentIdNumber;
import org.govtrust.shared.time.DisplayTime;
import org.govtrust.sms.MobileNumber;
import org.govtrust.sms.MobileNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repairs by the provincial information centre (省局信息中心), each with a mandatory reason,
 * each a ledger entry and an audit event: correct the phone on record, send an account
 * back to activation, deactivate and reactivate, merge a duplicate; and the bulk import of
 * accounts synced from the previous system, all valid rows in one transaction with a report
 * of every rejected row.
 */
@Service
public class OperatorService {

	/** The CSV header the import expects. */
	public static final String IMPORT_HEADER = "name,idNumber,phone,status";

	/** The largest import accepted at once. */
	public static final int IMPORT_MAX_ROWS = 10_000;

	/** The longest reason: what {@code idn_account_change.reason} keeps. */
	public static final int REASON_MAX_LENGTH = 500;

	private final AccountRepository accounts;

	private final AccountChanges changes;

	private final CounterLedger ledger;

	private final StaffService staff;

	private final MobileNumbers mobileNumbers;

	private final PersonalDataCipher cipher;

	private final ErrorMessages messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public OperatorService(AccountRepository accounts, AccountChanges changes, CounterLedger ledger,
			StaffService staff, MobileNumbers mobileNumbers, PersonalDataCipher cipher, ErrorMessages messages,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.changes = changes;
		this.ledger = ledger;
		this.staff = staff;
		this.mobileNumbers = mobileNumbers;
		this.cipher = cipher;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Replaces the phone on record (e.g. the seed's activation with a wrong phone).
	 * @param operatorId the operator
	 * @param idNumber the person
	 * @param newPhone the correct phone
	 * @param reason why (mandatory)
	 * @return the account
	 */
	@Transactional
	public AccountView correctPhone(UUID operatorId, String idNumber, String newPhone, String reason) {
		String why = requireReason(reason);
		Account account = find(idNumber);
		MobileNumber phone = this.mobileNumbers.parse(newPhone, "phone");
		String old = account.getPhoneMasked();
		account.changePhone(new ProtectedValue(this.cipher.encrypt(phone.national()),
				this.cipher.lookupHash("phone", phone.national()), phone.masked()));
		this.accounts.save(account);
		act(operatorId, account, "PHONE_CORRECTION", "PHONE", old, phone.masked(), why);
		this.events.publishEvent(new AccountChanged(account.getId(), "PHONE", "operator", this.clock.instant()));
		return AccountViews.of(account);
	}

	/**
	 * Sends an account back to activation: its password stops working and every session ends.
	 */
	@Transactional
	public AccountView resetActivation(UUID operatorId, String idNumber, String reason) {
		String why = requireReason(reason);
		Account account = find(idNumber);
		String old = account.getStatus().name();
		account.resetActivation();
		return statusChanged(operatorId, account, "ACTIVATION_RESET", old, why);
	}

	/** Deactivates an account: nobody can sign in to it, every session ends. */
	@Transactional
	public AccountView deactivate(UUID operatorId, String idNumber, String reason) {
		String why = requireReason(reason);
		Account account = find(idNumber);
		String old = account.getStatus().name();
		account.deactivate();
		return statusChanged(operatorId, account, "DEACTIVATION", old, why);
	}

	/** Reactivates a deactivated account. */
	@Transactional
	public AccountView reactivate(UUID operatorId, String idNumber, String reason) {
		String why = requireReason(reason);
		Account account = find(idNumber);
		String old = account.getStatus().name();
		account.reactivate();
		return statusChanged(operatorId, account, "REACTIVATION", old, why);
	}

	/**
	 * Merges a duplicate account into the one that stays: the duplicate is closed for good,
	 * its history moves over, and its login name passes on if the survivor has none.
	 * @param operatorId the operator
	 * @param survivorIdNumber the account that stays
	 * @param duplicateIdNumber the duplicate
	 * @param reason why
	 * @return the surviving account
	 */
	@Transactional
	public AccountView merge(UUID operatorId, String survivorIdNumber, String duplicateIdNumber, String reason) {
		String why = requireReason(reason);
		Account survivor = find(survivorIdNumber);
		Account duplicate = find(duplicateIdNumber);
		if (survivor.getId().equals(duplicate.getId())) {
			throw TrustException.forField("duplicateIdNumber", IdentityError.MERGE_SAME_ACCOUNT);
		}
		duplicate.mergeInto(survivor.getId());
		this.accounts.save(duplicate);
		this.changes.moveHistory(duplicate.getId(), survivor.getId());
		act(operatorId, survivor, "MERGE", "MERGE", "account:" + duplicate.getId(), "account:" + survivor.getId(), why);
		Instant now = this.clock.instant();
		this.events.publishEvent(new AccountStatusChanged(duplicate.getId(), AccountStatus.DEACTIVATED, now));
		this.events.publishEvent(new AccountChanged(survivor.getId(), "MERGE", "operator", now));
		return AccountViews.of(survivor);
	}

	/**
	 * Imports accounts synced from the previous system. Columns: {@value #IMPORT_HEADER};
	 * status {@code PENDING_ACTIVATION} (the default) or {@code DEACTIVATED}. Every valid row
	 * is imported in one transaction; any failure while writing imports nothing.
	 * @param operatorId the operator
	 * @param csv the file's text (UTF-8)
	 * @return accepted and rejected rows
	 */
	@Transactional
	public ImportReport importAccounts(UUID operatorId, String csv) {
		List<ImportReport.Rejected> rejected = new ArrayList<>();
		List<Account> accepted = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, DisplayTime.ZONE);
		List<String> lines = lines(csv);
		if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").strip().equalsIgnoreCase(IMPORT_HEADER)) {
			throw TrustException.forField("file", IdentityError.IMPORT_HEADER, IMPORT_HEADER);
		}
		if (lines.size() - 1 > IMPORT_MAX_ROWS) {
			throw TrustException.forField("file", IdentityError.IMPORT_TOO_LARGE, IMPORT_MAX_ROWS);
		}
		for (int i = 1; i < lines.size(); i++) {
			int line = i + 1;
			String[] cells = lines.get(i).split(",", -1);
			if (lines.get(i).isBlank()) {
				continue;
			}
			if (cells.length != 4) {
				rejected.add(reject(line, "row", new TrustException(IdentityError.IMPORT_COLUMNS, 4)));
				continue;
			}
			try {
				String name = PersonName.normalise(cells[0], "name");
				ResidentIdNumber.Valid id = IdNumbers.parse(cells[1], today, "idNumber");
				MobileNumber phone = this.mobileNumbers.parse(cells[2], "phone");
				String status = cells[3].strip().isEmpty() ? "PENDING_ACTIVATION" : cells[3].strip().toUpperCase(Locale.ROOT);
				if (!status.equals("PENDING_ACTIVATION") && !status.equals("DEACTIVATED")) {
					throw TrustException.forField("status", IdentityError.IMPORT_STATUS);
				}
				String idHash = this.cipher.lookupHash("id", id.canonical());
				if (!seen.add(idHash)) {
					throw TrustException.forField("idNumber", IdentityError.IMPORT_DUPLICATE_ROW);
				}
				if (this.accounts.findByIdNumberHash(idHash).isPresent()) {
					throw TrustException.forField("idNumber", IdentityError.IMPORT_ACCOUNT_EXISTS);
				}
				Account account = Account.imported(UUID.randomUUID(), name,
						new ProtectedValue(this.cipher.encrypt(id.canonical()), idHash, Masking.idNumber(id.canonical())),
						new ProtectedValue(this.cipher.encrypt(phone.national()),
								this.cipher.lookupHash("phone", phone.national()), phone.masked()),
						now);
				if (status.equals("DEACTIVATED")) {
					account.deactivate();
				}
				accepted.add(account);
			}
			catch (TrustException ex) {
				rejected.add(reject(line, ex.getField() == null ? "row" : ex.getField(), ex));
			}
		}
		this.accounts.saveAll(accepted);
		StaffView operator = this.staff.get(operatorId);
		ChainEntry entry = this.ledger.record("BULK_IMPORT", "import:" + UUID.randomUUID(),
				CounterService.details(operator, "accepted=" + accepted.size() + "; rejected=" + rejected.size()));
		this.events.publishEvent(new CounterActRecorded(entry.seq(), entry.type(), operatorId, now));
		return new ImportReport(accepted.size(), rejected);
	}

	private AccountView statusChanged(UUID operatorId, Account account, String act, String oldStatus, String reason) {
		this.accounts.save(account);
		act(operatorId, account, act, "STATUS", oldStatus, account.getStatus().name(), reason);
		this.events.publishEvent(new AccountStatusChanged(account.getId(), account.getStatus(), this.clock.instant()));
		return AccountViews.of(account);
	}

	private void act(UUID operatorId, Account account, String act, String kind, @Nullable String oldValue,
			@Nullable String newValue, String reason) {
		StaffView operator = this.staff.get(operatorId);
		Instant now = this.clock.instant();
		this.changes.record(account.getId(), kind, oldValue, newValue, reason, "operator:" + operator.loginName(), now);
		ChainEntry entry = this.ledger.record(act, "account:" + account.getId(), CounterService.details(operator,
				"from=" + CounterService.clean(oldValue) + "; to=" + CounterService.clean(newValue) + "; reason="
						+ CounterService.clean(reason)));
		this.events.publishEvent(new CounterActRecorded(entry.seq(), entry.type(), operatorId, now));
	}

	private ImportReport.Rejected reject(int line, String field, TrustException ex) {
		return new ImportReport.Rejected(line, field, ex.getErrorCode().code(), this.messages.message(ex));
	}

	private Account find(String idNumber) {
		ResidentIdNumber.Valid id = IdNumbers.parse(idNumber, LocalDate.ofInstant(this.clock.instant(), DisplayTime.ZONE),
				"idNumber");
		return this.accounts.findByIdNumberHash(this.cipher.lookupHash("id", id.canonical()))
			.orElseThrow(() -> TrustException.forField("idNumber", IdentityError.ACCOUNT_NOT_FOUND));
	}

	/**
	 * The reason as it is kept: at least 4 characters, and no longer than its column (checked
	 * before anything is written; the ledger entry around it stays within its 2000 too).
	 */
	private static String requireReason(@Nullable String reason) {
		String why = (reason == null) ? "" : reason.strip();
		if (why.length() < 4) {
			throw TrustException.forField("reason", IdentityError.REASON_REQUIRED);
		}
		FreeText.check("reason", why, REASON_MAX_LENGTH);
		return why;
	}

	private static List<String> lines(String csv) {
		try (BufferedReader reader = new BufferedReader(new StringReader(csv == null ? "" : csv))) {
			return reader.lines().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
