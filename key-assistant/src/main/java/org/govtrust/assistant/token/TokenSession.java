package org.govtrust.assistant.token;

import java.security.Provider;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.govtrust.assistant.crypto.KeyAlgorithm;

/** A logged-in token: keys are usable until close. */
public interface TokenSession extends AutoCloseable {

	/** Key entries with their chains (placeholders included). */
	List<KeyEntry> keyEntries();

	/** The provider that signs with this token's private keys. */
	Provider provider();

	/** Generates a key pair ON the token and stores it with a placeholder certificate under {@code alias}. */
	KeyEntry generate(String alias, KeyAlgorithm algorithm, X500Name subject);

	/** Replaces the chain of an existing key entry (chain[0]'s public key must match the entry's key). */
	void install(KeyEntry entry, java.security.cert.X509Certificate[] chain);

	void delete(String alias);

	/**
	 * Stores a key pair made elsewhere (the encryption key of an SM2 dual pair, opened from the
	 * CA's envelope) under a new alias with its certificate chain.
	 */
	void importKey(String alias, java.security.PrivateKey key, java.security.cert.X509Certificate[] chain);

	@Override
	void close();
}
