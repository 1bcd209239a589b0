package org.govtrust.login.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login limits.
 *
 * @param freeFailures failures of one factor on one account before delays start
 * @param firstDelay the first delay; each further failure doubles it
 * @param maxDelay the longest delay
 * @param failureWindow how long a failure counts
 * @param addressFailures failed passwords from one address within {@code addressWindow}
 * before that address's password attempts pause
 * @param addressWindow the window for the address count
 * @param historyRetention how long sign-ins and failed attempts stay in an account's login
 * history (the account page shows the latest); China's Cybersecurity Law (art. 21) asks for
 * network logs to be kept six months at least
 */
@Validated
@ConfigurationProperties("govtrust.login")
public record LoginProperties(@DefaultValue("5") @Min(1) int freeFailures, @DefaultValue("PT1M") Duration firstDelay,
		@DefaultValue("PT1H") Duration maxDelay, @DefaultValue("PT24H") Duration failureWindow,
		@DefaultValue("30") @Min(1) int addressFailures, @DefaultValue("PT15M") Duration addressWindow,
		@DefaultValue("P180D") Duration historyRetention) {

}
