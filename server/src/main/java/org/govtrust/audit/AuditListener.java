package org.govtrust.audit;

import org.govtrust.ca.CertificateActed;
import org.govtrust.ca.EnterpriseEnrolled;
import org.govtrust.identity.AccountChanged;
import org.govtrust.identity.AccountStatusChanged;
import org.govtrust.identity.CounterActRecorded;
import org.govtrust.identity.PasswordChanged;
import org.govtrust.identity.PersonRegistered;
import org.govtrust.identity.StaffCreated;
import org.govtrust.login.LoginFailed;
import org.govtrust.login.LoginSucceeded;
import org.govtrust.identity.RealNameVerificationAttempted;
import org.govtrust.identity.RegistrationPhoneVerified;
import org.govtrust.identity.RegistrationStarted;
import org.govtrust.sms.SmsCodeSent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the other modules' events to the trail, synchronously, inside the transaction that
 * published them.
 */
@Component
class AuditListener {

	private final AuditTrail trail;

	AuditListener(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(EnterpriseEnrolled event) {
		this.trail.append("ca.EnterpriseEnrolled", "enterprise:" + event.enterpriseId(), "actor=" + event.actor());
	}

	@EventListener
	void on(CertificateActed event) {
		this.trail.append("ca.CertificateActed", "certificate:" + event.serial(),
				"act=" + event.act() + "; enterprise=" + event.enterpriseId() + "; actor=" + event.actor()
						+ (event.detail().isEmpty() ? "" : "; " + event.detail()));
	}

	@EventListener
	void on(SmsCodeSent event) {
		this.trail.append("sms.SmsCodeSent", "phone:" + event.phoneRef(), "purpose=" + event.purpose());
	}

	@EventListener
	void on(RegistrationStarted event) {
		this.trail.append("identity.RegistrationStarted", "registration:" + event.registrationId(), "");
	}

	@EventListener
	void on(RegistrationPhoneVerified event) {
		this.trail.append("identity.RegistrationPhoneVerified", "registration:" + event.registrationId(), "");
	}

	@EventListener
	void on(RealNameVerificationAttempted event) {
		this.trail.append("identity.RealNameVerificationAttempted", "registration:" + event.registrationId(),
				"method=" + event.method() + "; outcome=" + event.outcome());
	}

	@EventListener
	void on(PasswordChanged event) {
		this.trail.append("identity.PasswordChanged", "account:" + event.accountId(), "");
	}

	@EventListener
	void on(AccountStatusChanged event) {
		this.trail.append("identity.AccountStatusChanged", "account:" + event.accountId(), "status=" + event.status());
	}

	@EventListener
	void on(AccountChanged event) {
		this.trail.append("identity.AccountChanged", "account:" + event.accountId(),
				"kind=" + event.kind() + "; actor=" + event.actor());
	}

	@EventListener
	void on(StaffCreated event) {
		this.trail.append("identity.StaffCreated", "staff:" + event.staffId(),
				"roles=" + event.roles() + "; createdBy=" + event.createdBy());
	}

	@EventListener
	void on(CounterActRecorded event) {
		this.trail.append("identity.CounterActRecorded", "staff:" + event.staffId(),
				"act=" + event.act() + "; ledgerSeq=" + event.ledgerSeq());
	}

	@EventListener
	void on(LoginSucceeded event) {
		this.trail.append("login.LoginSucceeded", event.principal(), "method=" + event.method());
	}

	@EventListener
	void on(LoginFailed event) {
		// the real reason, which the person is never shown
		this.trail.append("login.LoginFailed", event.key(), "method=" + event.method() + "; reason=" + event.reason());
	}

	@EventListener
	void on(PersonRegistered event) {
		this.trail.append("identity.PersonRegistered", "account:" + event.accountId(), "registration="
				+ event.registrationId() + "; level=" + event.realNameLevel() + "; method=" + event.method());
	}

}
