package org.govtrust.sso.config;

import org.govtrust.shared.SimulatorRegistrar;

/**
 * The example relying app's registration (development only).
 */
public class SsoSimulators extends SimulatorRegistrar {

	public SsoSimulators() {
		super(DemoClients.class);
	}

}
