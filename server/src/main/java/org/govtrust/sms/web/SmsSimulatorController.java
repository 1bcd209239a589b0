package org.govtrust.sms.web;

import java.util.List;

import org.govtrust.shared.Simulator;
import org.govtrust.sms.MobileNumber;
import org.govtrust.sms.MobileNumbers;
import org.govtrust.sms.adapter.SimulatedSmsOutbox;
import org.govtrust.sms.adapter.SimulatedSmsOutbox.Message;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The SMS simulator's outbox: a page for developers and a JSON API for tests. Only with
 * the simulators on (default profile).
 */
@Controller
@Simulator
public class SmsSimulatorController {

	private final SimulatedSmsOutbox outbox;

	private final MobileNumbers mobileNumbers;

	SmsSimulatorController(SimulatedSmsOutbox outbox, MobileNumbers mobileNumbers) {
		this.outbox = outbox;
		this.mobileNumbers = mobileNumbers;
	}

	@GetMapping("/simulator/sms-outbox")
	String page(@RequestParam(required = false) @Nullable String phone, Model model) {
		model.addAttribute("phone", phone == null ? "" : phone);
		model.addAttribute("messages", this.outbox.latest(parse(phone), 50));
		return "simulator/sms-outbox";
	}

	@GetMapping("/api/v1/simulator/sms-outbox")
	@ResponseBody
	List<Message> api(@RequestParam(required = false) @Nullable String phone) {
		return this.outbox.latest(parse(phone), 50);
	}

	private @Nullable MobileNumber parse(@Nullable String phone) {
		return (phone == null || phone.isBlank()) ? null : this.mobileNumbers.parse(phone, "phone");
	}

}
