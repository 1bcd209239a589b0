package org.govtrust.ca;

import java.time.Instant;

/**
 * One act in an enterprise's certificate history.
 *
 * @param serial the certificate
 * @param act e.g. {@code ISSUED}, {@code REVOKED}
 * @param detail what
 * @param actor who
 * @param at when
 */
public record HistoryEntry(String serial, String act, String detail, String actor, Instant at) {

}
