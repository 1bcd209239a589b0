package org.govtrust.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * With the {@code prod} profile, refuses to start before any bean exists when the
 * deployment would silently run on development defaults: the built-in simulators
 * (identity authority, CTID, SMS gateway) switched on, no real database, or no
 * personal-data keys. Every problem is listed at once.
 */
class ProductionReadinessCheck implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		List<String> problems = new ArrayList<>();
		if (environment.getProperty("govtrust.simulators.enabled", Boolean.class, false)) {
			problems.add("the prod profile refuses the built-in simulators: set govtrust.simulators.enabled=false "
					+ "and configure the real identity authority, CTID and SMS gateway");
		}
		String url = resolved(environment, "spring.datasource.url");
		if (url == null || url.startsWith("jdbc:h2:")) {
			problems.add("no production database: set GOVTRUST_DB_URL (and _USER, _PASSWORD) to a PostgreSQL server");
		}
		for (String key : List.of("govtrust.privacy.encryption-key", "govtrust.privacy.lookup-key")) {
			if (resolved(environment, key) == null) {
				problems.add(key + " is missing: set GOVTRUST_PRIVACY_ENCRYPTION_KEY and GOVTRUST_PRIVACY_LOOKUP_KEY "
						+ "(base64 of 32 random bytes each, e.g. openssl rand -base64 32)");
			}
		}
		String caBase = resolved(environment, "govtrust.ca.base-url");
		if (caBase == null || caBase.contains("localhost")) {
			problems.add("govtrust.ca.base-url must be the public address certificates point to for the CRL and OCSP: "
					+ "set GOVTRUST_CA_BASE_URL");
		}
		if ("PKCS11".equalsIgnoreCase(resolved(environment, "govtrust.ca.keystore.type"))) {
			if (resolved(environment, "govtrust.ca.keystore.pkcs11-library") == null
					|| resolved(environment, "govtrust.ca.keystore.pkcs11-pin") == null) {
				problems.add("the CA key store is PKCS11 but GOVTRUST_CA_PKCS11_LIBRARY or GOVTRUST_CA_PKCS11_PIN is missing");
			}
		}
		else {
			String password = resolved(environment, "govtrust.ca.keystore.password");
			if (password == null || password.equals("govtrust-development-only")) {
				problems.add("the CA key store password is missing or the development one: set GOVTRUST_CA_KEYSTORE_PASSWORD");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("GovTrust refuses to start in prod:\n - " + String.join("\n - ", problems));
		}
	}

	private static String resolved(ConfigurableEnvironment environment, String key) {
		try {
			String value = environment.getProperty(key);
			return (value == null || value.isBlank()) ? null : value;
		}
		catch (IllegalArgumentException ex) {
			return null; // an unresolvable ${PLACEHOLDER}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
