package org.govtrust.portal.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page.
 */
@Controller
class HomeController {

	private final boolean simulators;

	HomeController(Environment environment) {
		this.simulators = environment.getProperty("govtrust.simulators.enabled", Boolean.class, false);
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("simulators", this.simulators);
		return "portal/home";
	}

}
