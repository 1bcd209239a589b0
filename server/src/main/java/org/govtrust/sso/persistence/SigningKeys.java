package org.govtrust.sso.persistence;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.govtrust.shared.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.govtrust.sso.crypto.OpenSslRsa;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token-signing keys (RSA 2048, RS256), kept in the database so every node signs with
 * the same key and verifies every key still in use. Private keys are stored encrypted.
 * <p>
 * Signing and verifying tokens is the hot path, so the key set is held in memory and
 * re-read at most every {@link #REFRESH} (or at once when a token names a key this node
 * has not seen, e.g. just after another node rotated). The signing key is handed to OpenSSL
 * where the machine has it ({@link OpenSslRsa}), once per key.
 */
@Repository
public class SigningKeys {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	/** How long a node trusts its in-memory copy of the key set. */
	public static final Duration REFRESH = Duration.ofSeconds(30);

	private final Clock clock;

	private final OpenSslRsa openSsl;

	private volatile KeySet cached;

	public SigningKeys(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock, OpenSslRsa openSsl) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.openSsl = openSsl;
	}

	/**
	 * The signing key and every published key, from memory when fresh.
	 * @return the key set
	 */
	public KeySet current() {
		KeySet set = this.cached;
		if (set == null || set.loadedAt().plus(REFRESH).isBefore(this.clock.instant())) {
			set = reload();
		}
		return set;
	}

	/**
	 * Re-reads the key set from the database.
	 * @return the fresh key set
	 */
	public KeySet reload() {
		RSAKey active = active();
		List<JWK> all = new ArrayList<>();
		all.add(active);
		published().stream().filter((key) -> !key.getKeyID().equals(active.getKeyID())).forEach(all::add);
		KeySet set = new KeySet(active, List.copyOf(all), this.clock.instant());
		this.cached = set;
		return set;
	}

	/**
	 * The keys in memory.
	 *
	 * @param active the signing key (with its private part)
	 * @param all the signing key and every key still verifying tokens
	 * @param loadedAt when they were read
	 */
	public record KeySet(RSAKey active, List<JWK> all, Instant loadedAt) {

		public boolean knows(String kid) {
			return this.all.stream().anyMatch((key) -> kid.equals(key.getKeyID()));
		}

	}

	/**
	 * The key that signs now, created on first use.
	 * @return the private JWK
	 */
	private RSAKey active() {
		KeySet previous = this.cached;
		List<String[]> active = this.jdbc
			.sql("SELECT kid, private_key_cipher, public_jwk FROM sso_signing_key WHERE retired_at IS NULL "
					+ "ORDER BY created_at DESC LIMIT 1")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		if (active.isEmpty()) {
			return create();
		}
		if (previous != null && previous.active().getKeyID().equals(active.get(0)[0])) {
			return previous.active(); // the same key: not decrypted and handed to OpenSSL again
		}
		return privateKey(active.get(0)[1], active.get(0)[2]);
	}

	/**
	 * When the active key was created.
	 * @return the creation time, or null when there is none yet
	 */
	public @Nullable Instant activeSince() {
		return this.jdbc
			.sql("SELECT created_at FROM sso_signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional()
			.orElse(null);
	}

	/**
	 * Every public key a token still in circulation may have been signed with.
	 * @return the public JWKs, newest first
	 */
	private List<JWK> published() {
		return this.jdbc.sql("SELECT public_jwk FROM sso_signing_key ORDER BY created_at DESC")
			.query((rs, row) -> parse(rs.getString(1)))
			.list();
	}

	/**
	 * Retires the active key and creates a new one. The old key stays published for
	 * {@code keepPublished}, so tokens it signed keep verifying until they expire.
	 * @param keepPublished how long retired keys stay in the JWKS
	 * @return the new key
	 */
	@Transactional
	public RSAKey rotate(Duration keepPublished) {
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE sso_signing_key SET retired_at = :now WHERE retired_at IS NULL")
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		this.jdbc.sql("DELETE FROM sso_signing_key WHERE retired_at IS NOT NULL AND retired_at < :cutoff")
			.param("cutoff", OffsetDateTime.ofInstant(now.minus(keepPublished), ZoneOffset.UTC))
			.update();
		RSAKey created = create();
		this.cached = null;
		return created;
	}

	private RSAKey create() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey(this.openSsl.signingKey((RSAPrivateCrtKey) pair.getPrivate(), pair.getPublic()))
				.keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			this.jdbc.sql("""
					INSERT INTO sso_signing_key (kid, private_key_cipher, public_jwk, created_at)
					VALUES (:kid, :private, :public, :at)""")
				.param("kid", key.getKeyID())
				.param("private", this.cipher.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())))
				.param("public", key.toPublicJWK().toJSONString())
				.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.update();
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private RSAKey privateKey(String privateCipher, String publicJwk) {
		try {
			RSAKey publicKey = (RSAKey) JWK.parse(publicJwk);
			byte[] pkcs8 = Base64.getDecoder().decode(this.cipher.decrypt(privateCipher));
			PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			// a key without its CRT parameters (never made here) stays with the JDK
			return new RSAKey.Builder(publicKey)
				.privateKey((privateKey instanceof RSAPrivateCrtKey crt)
						? this.openSsl.signingKey(crt, publicKey.toRSAPublicKey()) : privateKey)
				.build();
		}
		catch (ParseException | NoSuchAlgorithmException | InvalidKeySpecException | JOSEException ex) {
			throw new IllegalStateException("Unreadable signing key", ex);
		}
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Unreadable signing key", ex);
		}
	}

}
