package org.govtrust.identity.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.identity.AccountView;
import org.govtrust.identity.CounterLedger;
import org.govtrust.identity.CounterLookup;
import org.govtrust.identity.CounterService;
import org.govtrust.identity.CreateStaffCommand;
import org.govtrust.identity.ImportReport;
import org.govtrust.identity.InPersonVerificationCommand;
import org.govtrust.identity.OperatorService;
import org.govtrust.identity.StaffService;
import org.govtrust.identity.StaffView;
import org.govtrust.shared.chain.ChainEntry;
import org.govtrust.shared.chain.ChainVerification;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Staff consoles as a JSON API. ID numbers travel in request bodies, never in addresses
 * (which end up in logs and browser history). Roles: ADMIN creates staff, CLERK works the
 * counter, OPERATOR repairs and imports, AUDITOR/ADMIN/OPERATOR read the ledger.
 */
@RestController
@Tag(name = "Staff", description = "Counter clerks, operators, administrators (窗口、省局、管理员)")
class StaffApiController {

	private final StaffService staff;

	private final CounterService counter;

	private final OperatorService operator;

	private final CounterLedger ledger;

	StaffApiController(StaffService staff, CounterService counter, OperatorService operator, CounterLedger ledger) {
		this.staff = staff;
		this.counter = counter;
		this.operator = operator;
		this.ledger = ledger;
	}

	@PostMapping("/api/v1/staff/admin/staff")
	@Operation(summary = "Create a staff account (administrator)")
	ResponseEntity<StaffView> create(@AuthenticationPrincipal SignedIn me, @RequestBody CreateStaffCommand command) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.staff.create(command, me.id().toString()));
	}

	@GetMapping("/api/v1/staff/admin/staff")
	@Operation(summary = "List staff accounts (administrator)")
	List<StaffView> list() {
		return this.staff.all();
	}

	@PostMapping("/api/v1/staff/counter/lookups")
	@Operation(summary = "Find a person by ID number: account, open registration, verification outcomes (clerk)")
	CounterLookup lookup(@RequestBody Map<String, String> body) {
		return this.counter.lookup(WebRequests.text(body.get("idNumber")));
	}

	@PostMapping("/api/v1/staff/counter/in-person-verifications")
	@Operation(summary = "Record an in-person verification (clerk); becomes a ledger entry")
	ResponseEntity<ChainEntry> verifyInPerson(@AuthenticationPrincipal SignedIn me,
			@RequestBody InPersonVerificationCommand command) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.counter.verifyInPerson(me.id(), command));
	}

	@PostMapping("/api/v1/staff/counter/phone-verifications")
	@Operation(summary = "Verify the phone of a person's open registration by hand (clerk)")
	ResponseEntity<ChainEntry> verifyPhone(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.counter.verifyPhoneManually(me.id(), WebRequests.text(body.get("idNumber")), body.get("note")));
	}

	@PostMapping("/api/v1/staff/operator/phone-corrections")
	@Operation(summary = "Correct the phone on record (operator, reason required)")
	AccountView correctPhone(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		return this.operator.correctPhone(me.id(), WebRequests.text(body.get("idNumber")),
				WebRequests.text(body.get("phone")), WebRequests.text(body.get("reason")));
	}

	@PostMapping("/api/v1/staff/operator/activation-resets")
	@Operation(summary = "Send an account back to activation (operator, reason required)")
	AccountView resetActivation(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		return this.operator.resetActivation(me.id(), WebRequests.text(body.get("idNumber")),
				WebRequests.text(body.get("reason")));
	}

	@PostMapping("/api/v1/staff/operator/deactivations")
	@Operation(summary = "Deactivate an account (operator, reason required)")
	AccountView deactivate(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		return this.operator.deactivate(me.id(), WebRequests.text(body.get("idNumber")),
				WebRequests.text(body.get("reason")));
	}

	@PostMapping("/api/v1/staff/operator/reactivations")
	@Operation(summary = "Reactivate an account (operator, reason required)")
	AccountView reactivate(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		return this.operator.reactivate(me.id(), WebRequests.text(body.get("idNumber")),
				WebRequests.text(body.get("reason")));
	}

	@PostMapping("/api/v1/staff/operator/merges")
	@Operation(summary = "Merge a duplicate account into the one that stays (operator, reason required)")
	AccountView merge(@AuthenticationPrincipal SignedIn me, @RequestBody Map<String, String> body) {
		return this.operator.merge(me.id(), WebRequests.text(body.get("survivorIdNumber")),
				WebRequests.text(body.get("duplicateIdNumber")), WebRequests.text(body.get("reason")));
	}

	@PostMapping(path = "/api/v1/staff/operator/imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import synced accounts from CSV (name,idNumber,phone,status) with a report (operator)")
	ImportReport importAccounts(@AuthenticationPrincipal SignedIn me, @RequestBody String csv) {
		return this.operator.importAccounts(me.id(), csv);
	}

	@GetMapping("/api/v1/staff/ledger")
	@Operation(summary = "Search the counter ledger (auditor, administrator, operator): the newest 500 matches; "
			+ "when more match, the answer says so in the X-Result-Limit header (narrow with from/to, or "
			+ "export ledger.csv for all)")
	List<ChainEntry> search(@RequestParam(required = false) @Nullable String act,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			HttpServletResponse response) {
		CounterLedger.Found found = this.ledger.search(act, subject, from, to);
		if (found.more()) {
			response.setHeader("X-Result-Limit", String.valueOf(CounterLedger.SEARCH_LIMIT));
		}
		return found.entries();
	}

	@GetMapping(path = "/api/v1/staff/ledger.csv", produces = "text/csv")
	@Operation(summary = "Export the counter ledger as CSV: every matching entry, newest first")
	void export(@RequestParam(required = false) @Nullable String act,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			HttpServletResponse response) throws IOException {
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader("Content-Disposition", "attachment; filename=\"counter-ledger.csv\"");
		Writer out = response.getWriter();
		// the byte-order mark makes spreadsheet programs read the file as UTF-8
		out.write('\uFEFF');
		this.ledger.export(act, from, to, out);
		out.flush();
	}

	@GetMapping("/api/v1/staff/ledger/verification")
	@Operation(summary = "Verify the counter ledger's hash chain")
	ResponseEntity<ChainVerification> verify() {
		ChainVerification verification = this.ledger.verify();
		return ResponseEntity.status(verification.intact() ? 200 : 409).body(verification);
	}

}
