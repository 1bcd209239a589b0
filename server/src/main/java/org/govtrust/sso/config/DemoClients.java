package org.govtrust.sso.config;

import java.util.List;

import org.govtrust.shared.Simulator;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.RegisterClientCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * In the default profile (simulators on), registers the example relying app of
 * {@code examples/relying-app} on first start, so a newcomer can run both and sign in.
 * Never in {@code prod}.
 */
@Simulator
class DemoClients {

	static final String CLIENT_ID = "demo-relying-app";

	private static final Logger logger = LoggerFactory.getLogger(DemoClients.class);

	private final ClientService clients;

	DemoClients(ClientService clients) {
		this.clients = clients;
	}

	@EventListener(ApplicationReadyEvent.class)
	void register() {
		if (this.clients.find(CLIENT_ID).isPresent()) {
			return;
		}
		this.clients.register(new RegisterClientCommand(CLIENT_ID, "示例政务应用", "GovTrust 示例", null,
				List.of("http://localhost:8081/login/oauth2/code/govtrust"), List.of("http://localhost:8081/"),
				List.of("openid", "profile"), false, false, "loa1", false, false, null));
		logger.info("Registered the example relying app '{}' (development profile)", CLIENT_ID);
	}

}
