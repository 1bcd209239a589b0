package org.govtrust.audit;

import org.govtrust.identity.PersonRegistered;
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
	void on(PersonRegistered event) {
		this.trail.append("identity.PersonRegistered", "account:" + event.accountId(), "registration="
				+ event.registrationId() + "; level=" + event.realNameLevel() + "; method=" + event.method());
	}

}
