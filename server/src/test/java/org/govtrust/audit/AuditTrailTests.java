package org.govtrust.audit;

import org.govtrust.support.GovTrustTest;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hash chain detects every edit, removal and truncation.
 */
@GovTrustTest
class AuditTrailTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		for (int i = 1; i <= 5; i++) {
			this.trail.append("test.Event", "subject:" + i, "n=" + i);
		}
	}

	@Test
	void verifyWhenUntouchedThenIntact() throws Exception {
		assertThat(this.trail.verify().intact()).isTrue();
		assertThat(this.trail.verify().entriesChecked()).isEqualTo(5);
		this.mvc.perform(get("/api/v1/audit/verification"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.entriesChecked").value(5));
	}

	@Test
	void verifyWhenEntryEditedThenBrokenAtThatEntry() throws Exception {
		this.jdbc.sql("UPDATE aud_entry SET details = 'n=99' WHERE seq = 3").update();
		org.govtrust.shared.chain.ChainVerification verification = this.trail.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
		assertThat(verification.entriesChecked()).isEqualTo(2);
		this.mvc.perform(get("/api/v1/audit/verification"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.firstBrokenSeq").value(3));
	}

	@Test
	void verifyWhenEntryRemovedThenBroken() {
		this.jdbc.sql("DELETE FROM aud_entry WHERE seq = 2").update();
		assertThat(this.trail.verify().firstBrokenSeq()).isEqualTo(2L);
	}

	@Test
	void verifyWhenEntryRemovedAndRelinkedThenBrokenAfterIt() {
		// an attacker who deletes entry 2 and rewrites entry 3's link still breaks entry 3's hash
		String hashOf1 = this.jdbc.sql("SELECT entry_hash FROM aud_entry WHERE seq = 1").query(String.class).single();
		this.jdbc.sql("DELETE FROM aud_entry WHERE seq = 2").update();
		this.jdbc.sql("UPDATE aud_entry SET seq = 2, prev_hash = :h WHERE seq = 3").param("h", hashOf1).update();
		assertThat(this.trail.verify().intact()).isFalse();
	}

	@Test
	void verifyWhenLastEntriesTruncatedThenBroken() {
		this.jdbc.sql("DELETE FROM aud_entry WHERE seq >= 4").update();
		org.govtrust.shared.chain.ChainVerification verification = this.trail.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(4L);
	}

	@Test
	void verifyWhileAnEntryIsAppendedThenIntactUpToTheHeadItRead() {
		// the state a check sees when entry 5 commits after the check read the head (at 4)
		String hashOf4 = this.jdbc.sql("SELECT entry_hash FROM aud_entry WHERE seq = 4").query(String.class).single();
		this.jdbc.sql("UPDATE aud_chain_head SET last_seq = 4, last_hash = :hash WHERE id = 1")
			.param("hash", hashOf4)
			.update();
		org.govtrust.shared.chain.ChainVerification verification = this.trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entriesChecked()).isEqualTo(4);
	}

	@Test
	void appendChainsFromTheLastEntry() {
		String last = this.jdbc.sql("SELECT entry_hash FROM aud_entry WHERE seq = 5").query(String.class).single();
		this.trail.append("test.Event", "subject:6", "n=6");
		assertThat(this.jdbc.sql("SELECT prev_hash FROM aud_entry WHERE seq = 6").query(String.class).single())
			.isEqualTo(last);
		assertThat(this.trail.verify().intact()).isTrue();
	}

}
