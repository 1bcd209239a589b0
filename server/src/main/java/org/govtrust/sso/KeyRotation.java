package org.govtrust.sso;

import java.time.Clock;

import org.govtrust.sso.config.SsoProperties;
import org.govtrust.sso.persistence.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Rotates the token-signing key every {@code govtrust.sso.key-rotation}; retired keys stay
 * in the JWKS until every token they signed has expired (refresh-token lifetime).
 */
@Service
public class KeyRotation {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotation.class);

	private final SigningKeys keys;

	private final SsoProperties properties;

	private final Clock clock;

	public KeyRotation(SigningKeys keys, SsoProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Rotates when the active key is older than the rotation period.
	 * @return whether it rotated
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public boolean rotateIfDue() {
		java.time.Instant since = this.keys.activeSince();
		if (since != null && since.plus(this.properties.keyRotation()).isAfter(this.clock.instant())) {
			return false;
		}
		rotate();
		return true;
	}

	/**
	 * Rotates now.
	 * @return the new key id
	 */
	public String rotate() {
		String kid = this.keys.rotate(this.properties.refreshTokenTtl().plus(this.properties.accessTokenTtl())).getKeyID();
		logger.info("Rotated the token-signing key; new kid {}", kid);
		return kid;
	}

}
