package org.govtrust;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: no cycles, no access to another module's internals, only the
 * declared dependencies. Writes the module documentation to target/spring-modulith-docs.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(GovTrustApplication.class);

	@Test
	void verifyModuleBoundaries() {
		modules.verify();
	}

	@Test
	void writeModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
