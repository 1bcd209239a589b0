package org.govtrust.ca.config;

import org.govtrust.ca.adapter.SimulatedBusinessRegistry;
import org.govtrust.shared.SimulatorRegistrar;

/**
 * The business registry simulator.
 */
public class CaSimulators extends SimulatorRegistrar {

	public CaSimulators() {
		super(SimulatedBusinessRegistry.class);
	}

}
