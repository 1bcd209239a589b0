package org.govtrust.audit.web;

import org.govtrust.audit.AuditTrail;
import org.govtrust.shared.chain.ChainVerification;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifies the audit chain on demand. The answer holds counts and hashes only, no entry
 * content, so it is safe to expose to monitoring.
 */
@RestController
class AuditApiController {

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit/verification")
	ResponseEntity<ChainVerification> verify() {
		ChainVerification verification = this.trail.verify();
		return ResponseEntity.status(verification.intact() ? 200 : 409).body(verification);
	}

}
