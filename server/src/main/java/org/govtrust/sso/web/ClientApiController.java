package org.govtrust.sso.web;

import java.util.List;

import org.govtrust.sso.ClientService;
import org.govtrust.sso.ClientView;
import org.govtrust.sso.RegisterClientCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Registration of government apps by an administrator.
 */
@RestController
@Tag(name = "Relying apps", description = "Government apps that sign people in through GovTrust (接入应用)")
class ClientApiController {

	private final ClientService clients;

	ClientApiController(ClientService clients) {
		this.clients = clients;
	}

	@PostMapping("/api/v1/staff/admin/clients")
	@Operation(summary = "Register a government app (administrator); a confidential app's secret is shown once")
	ResponseEntity<ClientView> register(@RequestBody RegisterClientCommand command) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.clients.register(command));
	}

	@GetMapping("/api/v1/staff/admin/clients")
	@Operation(summary = "List registered apps (administrator)")
	List<ClientView> list() {
		return this.clients.all();
	}

}
