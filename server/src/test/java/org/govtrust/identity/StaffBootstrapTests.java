package org.govtrust.identity;

import java.util.Set;

import org.govtrust.identity.config.IdentityProperties;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The bootstrap administrator from configuration, when several nodes start together on a new
 * database: each found no staff account, one created it, and the others must still start.
 */
@GovTrustTest
class StaffBootstrapTests {

	@Autowired
	StaffService staff;

	@Autowired
	IdentityProperties properties;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc); // keeps 'admin', the bootstrap administrator of the test profile
	}

	@Test
	void aNodeThatFindsTheAdministratorCreatedMeanwhileStarts() {
		// this node found no staff account a moment ago; another node has created 'admin' since
		this.staff.createBootstrapAdmin(this.properties.bootstrapAdmin());

		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_staff WHERE login_name = 'admin'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aBootstrapAdministratorThatCannotBeCreatedStillStopsTheStart() {
		IdentityProperties.BootstrapAdmin wrong = new IdentityProperties.BootstrapAdmin("admin", "系统管理员", "123",
				"Console-Pass-2026", Set.of(StaffRole.ADMIN));

		assertThatIllegalStateException().isThrownBy(() -> this.staff.createBootstrapAdmin(wrong))
			.withMessageContaining("phone");
	}

}
