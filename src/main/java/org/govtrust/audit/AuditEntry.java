package org.govtrust.audit;

import java.time.Instant;

/**
 * One audit entry.
 *
 * @param seq its position in the chain
 * @param occurredAt when
 * @param type the event type
 * @param subject the id of what changed
 * @param details non-personal facts
 */
public record AuditEntry(long seq, Instant occurredAt, String type, String subject, String details) {

}
