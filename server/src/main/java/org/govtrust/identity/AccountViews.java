package org.govtrust.identity;

import org.govtrust.identity.domain.Account;
import org.govtrust.shared.privacy.Masking;

/**
 * Accounts as shown outside the module: personal data masked.
 */
final class AccountViews {

	private AccountViews() {
	}

	static AccountView of(Account account) {
		return new AccountView(account.getId(), Masking.name(account.getName()), account.getIdNumberMasked(),
				account.getPhoneMasked(), account.getLoginName(), account.getStatus(), account.getRealNameLevel(),
				account.getVerificationMethod(), account.getVerifiedAt());
	}

}
