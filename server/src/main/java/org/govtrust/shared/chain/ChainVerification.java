package org.govtrust.shared.chain;

import org.jspecify.annotations.Nullable;

/**
 * The result of verifying a hash chain.
 *
 * @param intact whether every entry is in place and unaltered
 * @param entriesChecked how many entries verified before the end or the break
 * @param firstBrokenSeq the first entry that does not verify, or null
 * @param reason why it does not verify, or null
 * @param headHash the hash of the last entry when intact (publish it to anchor the chain)
 */
public record ChainVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
		@Nullable String reason, @Nullable String headHash) {

	static ChainVerification intact(long checked, String headHash) {
		return new ChainVerification(true, checked, null, null, headHash);
	}

	static ChainVerification broken(long checked, long seq, String reason) {
		return new ChainVerification(false, checked, seq, reason, null);
	}

}
