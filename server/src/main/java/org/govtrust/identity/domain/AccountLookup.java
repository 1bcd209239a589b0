package org.govtrust.identity.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.standard.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * Finds accounts by whatever people type to sign in: an ID number, a phone number or a
 * login name (the seed's three identifiers).
 */
@Component
public class AccountLookup {

	private final AccountRepository accounts;

	private final PersonalDataCipher cipher;

	public AccountLookup(AccountRepository accounts, PersonalDataCipher cipher) {
		this.accounts = accounts;
		this.cipher = cipher;
	}

	/**
	 * The accounts an identifier may mean: at most one for an ID number or a login name,
	 * possibly several for a phone number shared by a family.
	 * @param identifier what was typed
	 * @param today today, for the ID-number check
	 * @return the candidates, merged accounts excluded
	 */
	public List<Account> find(String identifier, LocalDate today) {
		String value = identifier == null ? "" : identifier.strip();
		if (value.isEmpty()) {
			return List.of();
		}
		if (ResidentIdNumber.check(value, today) instanceof ResidentIdNumber.Valid valid) {
			return alive(this.accounts.findByIdNumberHash(this.cipher.lookupHash("id", valid.canonical())).stream().toList());
		}
		String digits = value.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		if (digits.matches("1[0-9]{10}")) {
			return alive(this.accounts.findByPhoneHash(this.cipher.lookupHash("phone", digits)));
		}
		return alive(this.accounts.findByLoginName(value.toLowerCase(Locale.ROOT)).stream().toList());
	}

	/**
	 * A stable key for an identifier that matches no account, so throttling treats unknown
	 * identifiers exactly like known ones.
	 * @param identifier what was typed
	 * @return a keyed hash
	 */
	public String unknownKey(String identifier) {
		return this.cipher.lookupHash("login-identifier",
				(identifier == null ? "" : identifier).strip().toUpperCase(Locale.ROOT));
	}

	private static List<Account> alive(List<Account> found) {
		return found.stream().filter((account) -> account.getMergedInto() == null).toList();
	}

}
