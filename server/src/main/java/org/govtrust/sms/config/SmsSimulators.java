package org.govtrust.sms.config;

import org.govtrust.shared.SimulatorRegistrar;
import org.govtrust.sms.adapter.SimulatedSmsOutbox;
import org.govtrust.sms.adapter.SimulatedSmsSender;
import org.govtrust.sms.web.SmsSimulatorController;

/**
 * The SMS gateway simulator, its outbox and the outbox page.
 */
public class SmsSimulators extends SimulatorRegistrar {

	public SmsSimulators() {
		super(SimulatedSmsOutbox.class, SimulatedSmsSender.class, SmsSimulatorController.class);
	}

}
