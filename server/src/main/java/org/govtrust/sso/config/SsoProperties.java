package org.govtrust.sso.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings.
 *
 * @param issuer the issuer URL apps see in tokens and discovery (default: the request's)
 * @param keyRotation how long a signing key signs before a new one takes over
 * @param accessTokenTtl access and ID token lifetime
 * @param refreshTokenTtl refresh token lifetime
 * @param pairwiseSecret base64 of the key pairwise subjects are derived with (prod: required)
 * @param parsedRowsCached how many authorizations, and how many apps, each node keeps in
 * parsed form (the most recently used); a row is still read from the database on every use
 * and parsed again when it has changed
 * @param nativeSignatures whether tokens may be signed by OpenSSL (libcrypto 3) when the
 * machine has it: the same signatures, about twice as fast as the JDK's (see
 * {@code sso.crypto.OpenSslRsa})
 */
@ConfigurationProperties("govtrust.sso")
public record SsoProperties(@Nullable String issuer, @DefaultValue("P30D") Duration keyRotation,
		@DefaultValue("PT10M") Duration accessTokenTtl, @DefaultValue("P1D") Duration refreshTokenTtl,
		@Nullable String pairwiseSecret, @DefaultValue("2048") int parsedRowsCached,
		@DefaultValue("true") boolean nativeSignatures) {

}
