package org.govtrust.shared;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The built-in simulators (identity authority, CTID, SMS gateway) are for development and
 * tests: with the {@code prod} profile active and {@code govtrust.simulators.enabled=true}
 * the server refuses to start.
 */
@Component
class SimulatorGuard implements InitializingBean {

	private final Environment environment;

	SimulatorGuard(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		boolean simulators = this.environment.getProperty("govtrust.simulators.enabled", Boolean.class, false);
		if (simulators && this.environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile refuses the built-in simulators: set "
					+ "govtrust.simulators.enabled=false and configure the real identity authority, CTID and SMS gateway");
		}
	}

}
