package org.govtrust.identity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.govtrust.identity.CounterLedger;
import org.govtrust.identity.CounterService;
import org.govtrust.identity.CreateStaffCommand;
import org.govtrust.identity.InPersonVerificationCommand;
import org.govtrust.identity.OperatorService;
import org.govtrust.identity.StaffRole;
import org.govtrust.identity.StaffService;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff console pages: the counter (clerks), repairs and import (operators), staff
 * accounts (administrators) and the ledger (supervisors). Roles are enforced by the staff
 * security chain; every act is recorded by the services.
 */
@Controller
class StaffPagesController {

	private final CounterService counter;

	private final OperatorService operator;

	private final StaffService staff;

	private final CounterLedger ledger;

	private final ErrorMessages messages;

	StaffPagesController(CounterService counter, OperatorService operator, StaffService staff, CounterLedger ledger,
			ErrorMessages messages) {
		this.counter = counter;
		this.operator = operator;
		this.staff = staff;
		this.ledger = ledger;
		this.messages = messages;
	}

	@GetMapping("/staff/counter")
	String counter() {
		return "staff/counter";
	}

	@PostMapping("/staff/counter/lookup")
	String lookup(@RequestParam(defaultValue = "") String idNumber, Model model) {
		model.addAttribute("idNumber", idNumber);
		// each form shown records at most one act, however often it is sent
		model.addAttribute("requestId", UUID.randomUUID().toString());
		try {
			model.addAttribute("lookup", this.counter.lookup(idNumber));
		}
		catch (TrustException ex) {
			error(model, ex);
		}
		return "staff/counter";
	}

	@PostMapping("/staff/counter/verify")
	String verify(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(required = false) @Nullable List<String> documents,
			@RequestParam(defaultValue = "") String method, @RequestParam(defaultValue = "false") boolean passed,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) @Nullable String requestId,
			Model model) {
		try {
			long seq = this.counter.verifyInPerson(me.id(),
					new InPersonVerificationCommand(idNumber, documents, method, passed, note, requestId)).seq();
			model.addAttribute("doneSeq", seq);
		}
		catch (TrustException ex) {
			error(model, ex);
		}
		return lookup(idNumber, model);
	}

	@PostMapping("/staff/counter/phone")
	String phone(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String note, Model model) {
		try {
			long seq = this.counter.verifyPhoneManually(me.id(), idNumber, note).seq();
			model.addAttribute("doneSeq", seq);
		}
		catch (TrustException ex) {
			error(model, ex);
		}
		return lookup(idNumber, model);
	}

	@GetMapping("/staff/operator")
	String operator() {
		return "staff/operator";
	}

	@PostMapping("/staff/operator/repair")
	String repair(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String duplicateIdNumber, @RequestParam(defaultValue = "") String reason,
			Model model) {
		try {
			switch (action) {
				case "phone":
					this.operator.correctPhone(me.id(), idNumber, phone, reason);
					break;
				case "reset":
					this.operator.resetActivation(me.id(), idNumber, reason);
					break;
				case "deactivate":
					this.operator.deactivate(me.id(), idNumber, reason);
					break;
				case "reactivate":
					this.operator.reactivate(me.id(), idNumber, reason);
					break;
				default:
					this.operator.merge(me.id(), idNumber, duplicateIdNumber, reason);
			}
			model.addAttribute("repaired", true);
		}
		catch (TrustException ex) {
			error(model, ex);
		}
		return "staff/operator";
	}

	@PostMapping("/staff/operator/import")
	String importAccounts(@AuthenticationPrincipal SignedIn me, @RequestParam("file") MultipartFile file, Model model)
			throws IOException {
		try {
			model.addAttribute("report",
					this.operator.importAccounts(me.id(), new String(file.getBytes(), StandardCharsets.UTF_8)));
		}
		catch (TrustException ex) {
			error(model, ex);
		}
		return "staff/operator";
	}

	@GetMapping("/staff/admin")
	String admin(Model model) {
		model.addAttribute("staff", this.staff.all());
		model.addAttribute("roles", StaffRole.values());
		return "staff/admin";
	}

	@PostMapping("/staff/admin")
	String create(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String loginName,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String password, @RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(defaultValue = "") String location, Model model) {
		Set<StaffRole> chosen = EnumSet.noneOf(StaffRole.class);
		if (roles != null) { // only the roles the form offers; none at all is IDN-1051
			Arrays.stream(StaffRole.values()).filter((role) -> roles.contains(role.name())).forEach(chosen::add);
		}
		try {
			this.staff.create(new CreateStaffCommand(loginName, name, phone, password, chosen, location), me.id().toString());
			model.addAttribute("created", loginName);
		}
		catch (TrustException ex) {
			error(model, ex);
		}
		return admin(model);
	}

	@GetMapping("/staff/ledger")
	String ledger(@RequestParam(required = false) @Nullable String act, Model model) {
		CounterLedger.Found found = this.ledger.search(act == null || act.isBlank() ? null : act, null, null, null);
		model.addAttribute("entries", found.entries());
		model.addAttribute("limited", found.more() ? CounterLedger.SEARCH_LIMIT : null);
		model.addAttribute("verification", this.ledger.verify());
		model.addAttribute("act", act == null ? "" : act);
		return "staff/ledger";
	}

	private void error(Model model, TrustException ex) {
		model.addAttribute("globalError", this.messages.summary(ex));
	}

}
