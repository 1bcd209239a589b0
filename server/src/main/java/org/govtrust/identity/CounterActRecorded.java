package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published for every entry of the counter ledger.
 *
 * @param ledgerSeq the ledger entry
 * @param act what was done
 * @param staffId who did it
 * @param at when
 */
public record CounterActRecorded(long ledgerSeq, String act, UUID staffId, Instant at) {

}
