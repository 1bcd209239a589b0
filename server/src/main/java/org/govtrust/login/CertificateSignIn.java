package org.govtrust.login;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.govtrust.ca.CertificateLogin;
import org.govtrust.ca.LegalPersonSignIn;
import org.govtrust.ca.LoginChallenge;
import org.govtrust.login.persistence.LoginHistory;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.security.SignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * USB-key (certificate) login of a legal person: the CA module checks the answer to its
 * challenge; this records the login like every other and makes the signed-in enterprise,
 * at LOA4 for a USB key and LOA3 for a soft token.
 */
@Service
public class CertificateSignIn {

	private final CertificateLogin certificates;

	private final LoginHistory history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CertificateSignIn(CertificateLogin certificates, LoginHistory history, ApplicationEventPublisher events,
			Clock clock) {
		this.certificates = certificates;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A challenge for the key to sign.
	 * @param origin the login page's origin
	 * @return the challenge
	 */
	public LoginChallenge challenge(String origin) {
		return this.certificates.challenge(origin);
	}

	/**
	 * Signs in with a signed challenge.
	 * @param challengeId the challenge
	 * @param certificate the certificate (DER)
	 * @param signature the signature
	 * @param client where from
	 * @return who is signed in
	 */
	@Transactional(noRollbackFor = TrustException.class)
	public SignedIn signIn(UUID challengeId, byte[] certificate, byte[] signature, LoginService.Client client) {
		Instant now = this.clock.instant();
		LegalPersonSignIn who;
		try {
			who = this.certificates.verify(challengeId, certificate, signature);
		}
		catch (TrustException ex) {
			this.events.publishEvent(
					new LoginFailed("certificate", LoginMethod.CERTIFICATE, ex.getErrorCode().code(), now));
			throw ex;
		}
		LoginMethod method = who.hardwareKey() ? LoginMethod.CERTIFICATE : LoginMethod.SOFT_CERTIFICATE;
		SignedIn signedIn = new SignedIn(who.enterpriseId(), SignedIn.Kind.ENTERPRISE, who.enterpriseName(), "",
				method.name(), now, who.serial());
		this.history.record(who.enterpriseId(), method.name(), true, client.maskedAddress(), client.userAgent(), now);
		this.events.publishEvent(new LoginSucceeded(signedIn.getName(), method, now));
		return signedIn;
	}

}
