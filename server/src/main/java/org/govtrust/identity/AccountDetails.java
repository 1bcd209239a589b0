package org.govtrust.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an account's owner sees on the account page.
 *
 * @param account the account
 * @param cardValidFrom the card's start date on record
 * @param cardValidTo the card's end date, null for long-term or unknown
 * @param businessRegistration the "may handle business registration" switch
 * @param businessRegistrationUntil its end date
 * @param changes the history of name, card, phone and status changes, newest first
 */
public record AccountDetails(AccountView account, @Nullable LocalDate cardValidFrom, @Nullable LocalDate cardValidTo,
		boolean businessRegistration, @Nullable LocalDate businessRegistrationUntil, List<Change> changes) {

	/**
	 * One change.
	 *
	 * @param kind e.g. NAME, CARD, PHONE, STATUS, PASSWORD, LEVEL
	 * @param oldValue masked old value
	 * @param newValue masked new value
	 * @param actor who made it: the owner, a clerk or an operator
	 * @param at when
	 */
	public record Change(String kind, @Nullable String oldValue, @Nullable String newValue, String actor, Instant at) {
	}

}
