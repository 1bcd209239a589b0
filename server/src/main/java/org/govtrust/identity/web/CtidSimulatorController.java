package org.govtrust.identity.web;

import java.net.URI;

import org.govtrust.identity.adapter.SimulatedNetworkIdentityProvider;
import org.govtrust.identity.adapter.SimulatedPeople;
import org.govtrust.shared.Simulator;
import org.govtrust.shared.error.SharedError;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page standing in for the CTID app: pick a fixture person and approve, or decline.
 * Only with the simulators on (default profile).
 */
@Controller
@Simulator
public class CtidSimulatorController {

	private final SimulatedNetworkIdentityProvider provider;

	private final SimulatedPeople people;

	CtidSimulatorController(SimulatedNetworkIdentityProvider provider, SimulatedPeople people) {
		this.provider = provider;
		this.people = people;
	}

	@GetMapping("/simulator/ctid/authorize")
	String page(@RequestParam String transaction, Model model) {
		if (!this.provider.exists(transaction)) {
			throw new TrustException(SharedError.NOT_FOUND);
		}
		model.addAttribute("transaction", transaction);
		model.addAttribute("people", this.people.all());
		return "simulator/ctid";
	}

	@PostMapping("/simulator/ctid/authorize")
	String answer(@RequestParam String transaction, @RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(defaultValue = "approve") String decision) {
		String person = "decline".equals(decision) ? null : idNumber;
		URI back = this.provider.answer(transaction, person).orElseThrow(() -> new TrustException(SharedError.NOT_FOUND));
		return "redirect:" + back;
	}

}
