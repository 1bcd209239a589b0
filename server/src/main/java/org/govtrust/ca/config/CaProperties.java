package org.govtrust.ca.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * CA settings.
 *
 * @param baseUrl the public address certificates point to for the CRL, OCSP and the issuer
 * certificate (what relying parties and {@code openssl} reach)
 * @param algorithm the CA's key algorithm: {@code EC_P256}, {@code RSA_2048} or {@code SM2}
 * @param keystore where the CA keys live
 * @param validity how long a legal-person certificate is valid
 * @param renewalWindow how long before expiry renewal opens (and is announced)
 * @param crlValidity the CRL's {@code nextUpdate} distance; it is re-signed on schedule well
 * before that and at once on every revocation
 * @param crlRepublishInterval how often the CRL is re-signed on schedule
 * @param policyOid the certificate policy OID of legal-person certificates
 * @param challengeTtl how long a login challenge can be answered
 * @param unlockCodeTtl how long an online unlock code is valid
 * @param assistant what the login page and the key assistant need to know of each other
 */
@Validated
@ConfigurationProperties("govtrust.ca")
public record CaProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("EC_P256") Algorithm algorithm, @DefaultValue Keystore keystore,
		@DefaultValue("P365D") Duration validity, @DefaultValue("P30D") Duration renewalWindow,
		@DefaultValue("P1D") Duration crlValidity, @DefaultValue("PT12H") Duration crlRepublishInterval,
		@DefaultValue("2.25.329800735698586629295641978511506172918") String policyOid,
		@DefaultValue("PT2M") Duration challengeTtl, @DefaultValue("PT30M") Duration unlockCodeTtl,
		@DefaultValue Assistant assistant) {

	/** CA key algorithms. */
	public enum Algorithm {

		/** ECDSA on P-256 with SHA-256. */
		EC_P256,
		/** RSA 2048 with SHA-256 (PKCS#1 v1.5). */
		RSA_2048,
		/** SM2 with SM3 (国密); software key store only, PKCS#11 tokens here have no SM2. */
		SM2

	}

	/**
	 * The CA key store.
	 *
	 * @param type {@code PKCS12} (a file) or {@code PKCS11} (an HSM or token through its
	 * PKCS#11 library)
	 * @param path the PKCS#12 file, created with a new hierarchy when it does not exist
	 * @param password the PKCS#12 password
	 * @param pkcs11Library the PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
	 * @param pkcs11Slot the slot id ({@code slot} in SunPKCS11 terms); -1 for the first
	 * initialised token
	 * @param pkcs11Pin the token's user PIN
	 */
	public record Keystore(@DefaultValue("PKCS12") String type, @DefaultValue("./data/ca/ca.p12") String path,
			@DefaultValue("govtrust-development-only") String password, @Nullable String pkcs11Library,
			@DefaultValue("-1") long pkcs11Slot, @Nullable String pkcs11Pin) {

	}

	/**
	 * The key assistant.
	 *
	 * @param url where the login page looks for the running assistant
	 * @param latestVersion the newest assistant version (the assistant says when it is older)
	 * @param minimumVersion assistants older than this must be updated
	 * @param download where to get it
	 */
	public record Assistant(@DefaultValue("http://127.0.0.1:18181") String url,
			@DefaultValue("0.1.0") String latestVersion, @DefaultValue("0.1.0") String minimumVersion,
			@DefaultValue("/enterprise/assistant") String download) {

	}

	/**
	 * The renewal window as a positive number of days, for messages.
	 * @return days
	 */
	public long renewalWindowDays() {
		return this.renewalWindow.toDays();
	}

}
