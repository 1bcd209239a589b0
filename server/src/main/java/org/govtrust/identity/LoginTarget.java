package org.govtrust.identity;

import java.util.UUID;

import org.govtrust.sms.MobileNumber;

/**
 * The account an SMS login goes to.
 *
 * @param accountId the account
 * @param phone the phone on record
 * @param status its status
 */
public record LoginTarget(UUID accountId, MobileNumber phone, AccountStatus status) {

	@Override
	public String toString() {
		return "LoginTarget[" + this.accountId + "]";
	}

}
