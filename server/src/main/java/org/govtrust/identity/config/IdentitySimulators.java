package org.govtrust.identity.config;

import org.govtrust.identity.adapter.SimulatedIdentityAuthority;
import org.govtrust.identity.adapter.SimulatedNetworkIdentityProvider;
import org.govtrust.identity.adapter.SimulatedPeople;
import org.govtrust.identity.web.CtidSimulatorController;
import org.govtrust.shared.SimulatorRegistrar;

/**
 * The identity authority and CTID simulators, with their fixture people and the CTID app's page.
 */
public class IdentitySimulators extends SimulatorRegistrar {

	public IdentitySimulators() {
		super(SimulatedPeople.class, SimulatedIdentityAuthority.class, SimulatedNetworkIdentityProvider.class,
				CtidSimulatorController.class);
	}

}
