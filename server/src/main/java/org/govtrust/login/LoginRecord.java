package org.govtrust.login;

import java.time.Instant;

/**
 * One sign-in or failed attempt, as the account owner sees it.
 *
 * @param method how
 * @param succeeded whether it worked
 * @param address the network address, masked
 * @param userAgent the browser
 * @param at when
 */
public record LoginRecord(String method, boolean succeeded, String address, String userAgent, Instant at) {

}
