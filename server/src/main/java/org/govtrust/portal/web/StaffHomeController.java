package org.govtrust.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff home page: the consoles the signed-in staff member's roles open.
 */
@Controller
class StaffHomeController {

	@GetMapping("/staff")
	String home() {
		return "portal/staff";
	}

}
