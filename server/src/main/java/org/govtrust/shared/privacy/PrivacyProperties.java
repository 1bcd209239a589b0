package org.govtrust.shared.privacy;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys protecting personal data at rest.
 *
 * @param encryptionKey base64 of a 256-bit AES key; required in {@code prod}
 * @param lookupKey base64 of a 256-bit HMAC key for the lookup hash; required in {@code prod}
 * @param devKeyFile where the default profile keeps generated development keys when none
 * are configured (never used in {@code prod})
 */
@ConfigurationProperties("govtrust.privacy")
public record PrivacyProperties(@Nullable String encryptionKey, @Nullable String lookupKey, @Nullable String devKeyFile) {

}
