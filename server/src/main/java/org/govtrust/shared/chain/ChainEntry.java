package org.govtrust.shared.chain;

import java.time.Instant;

/**
 * One entry of a hash chain.
 *
 * @param seq its position
 * @param occurredAt when
 * @param type what happened
 * @param subject the id of what it happened to
 * @param details further facts
 */
public record ChainEntry(long seq, Instant occurredAt, String type, String subject, String details) {

}
