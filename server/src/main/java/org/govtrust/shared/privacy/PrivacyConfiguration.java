package org.govtrust.shared.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Builds the {@link PersonalDataCipher}. In {@code prod} both keys must be configured; in
 * the default profile missing keys are generated once into a development key file (under
 * {@code ./data}, never committed) so a restarted server still reads its own data.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PrivacyConfiguration.class);

	@Bean
	PersonalDataCipher personalDataCipher(PrivacyProperties properties, Environment environment) {
		String encryption = properties.encryptionKey();
		String lookup = properties.lookupKey();
		if (isBlank(encryption) || isBlank(lookup)) {
			if (environment.acceptsProfiles(Profiles.of("prod"))) {
				throw new IllegalStateException("govtrust.privacy.encryption-key and govtrust.privacy.lookup-key "
						+ "must be set in the prod profile (base64 of 32 random bytes each)");
			}
			Properties keys = devKeys(Path.of(properties.devKeyFile() != null ? properties.devKeyFile()
					: "data/dev-privacy-keys.properties"));
			encryption = keys.getProperty("encryption-key");
			lookup = keys.getProperty("lookup-key");
		}
		byte[] encryptionKey = Base64.getDecoder().decode(encryption);
		byte[] lookupKey = Base64.getDecoder().decode(lookup);
		if (Arrays.equals(encryptionKey, lookupKey)) {
			throw new IllegalStateException("govtrust.privacy encryption and lookup keys must differ");
		}
		return new PersonalDataCipher(encryptionKey, lookupKey);
	}

	private static Properties devKeys(Path file) {
		Properties keys = new Properties();
		try {
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					keys.load(in);
				}
				return keys;
			}
			SecureRandom random = new SecureRandom();
			keys.setProperty("encryption-key", randomKey(random));
			keys.setProperty("lookup-key", randomKey(random));
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				keys.store(out, "GovTrust development personal-data keys. Never use in production.");
			}
			logger.info("Generated development personal-data keys in {}", file.toAbsolutePath());
			return keys;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or write the development key file " + file, ex);
		}
	}

	private static String randomKey(SecureRandom random) {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
