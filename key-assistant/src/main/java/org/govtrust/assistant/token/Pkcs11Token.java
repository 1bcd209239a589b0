package org.govtrust.assistant.token;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import javax.security.auth.login.LoginException;

import org.bouncycastle.asn1.x500.X500Name;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.Envelopes;
import org.govtrust.assistant.crypto.KeyAlgorithm;

/** A token in a PKCS#11 slot (USB key; SoftHSM2 in tests). Keys are generated and used on the token. */
public final class Pkcs11Token implements Token {

	private final Pkcs11Module module;

	private final long slot;

	private final Cryptoki.TokenInfo info;

	Pkcs11Token(Pkcs11Module module, long slot, Cryptoki.TokenInfo info) {
		this.module = module;
		this.slot = slot;
		this.info = info;
	}

	@Override
	public String id() {
		return "pkcs11:" + info.serial();
	}

	@Override
	public String label() {
		return info.label();
	}

	@Override
	public TokenKind kind() {
		return TokenKind.PKCS11;
	}

	public long slot() {
		return slot;
	}

	@Override
	public HardwarePin hardwarePin() {
		try {
			return HardwarePin.fromFlags(module.cryptoki().tokenInfo(slot).flags());
		}
		catch (Cryptoki.CryptokiException e) {
			return HardwarePin.fromFlags(info.flags());
		}
	}

	/** Certificates are public objects: listed in a public session, without the PIN. */
	@Override
	public List<TokenCertificate> certificates() {
		Cryptoki cryptoki = module.cryptoki();
		List<TokenCertificate> result = new ArrayList<>();
		long session = openSession(false);
		try {
			for (long handle : cryptoki.findObjects(session, new long[] { Cryptoki.CKA_CLASS, Cryptoki.CKA_TOKEN },
					new Object[] { Cryptoki.CKO_CERTIFICATE, Boolean.TRUE })) {
				Object[] values = cryptoki.attributes(session, handle, Cryptoki.CKA_LABEL, Cryptoki.CKA_VALUE);
				if (!(values[1] instanceof byte[] der)) {
					continue;
				}
				X509Certificate certificate;
				try {
					certificate = Certs.parse(der);
				}
				catch (IllegalArgumentException e) {
					continue;
				}
				if (Certs.isEndEntity(certificate)) {
					String alias = Cryptoki.text(values[0]);
					result.add(new TokenCertificate(alias == null ? Certs.serialHex(certificate) : alias, certificate));
				}
			}
		}
		catch (Cryptoki.CryptokiException e) {
			throw new AssistantException(Problem.TOKEN_ABSENT, Msg.of(
					"无法读取 USB key " + id() + " 上的证书（" + e.getMessage() + "）。请确认 USB key 已插好，然后重试。",
					"Cannot read the certificates on USB key " + id() + " (" + e.getMessage() + "). Check it is plugged in, then retry."), e);
		}
		finally {
			module.cryptoki().closeSession(session);
		}
		return result;
	}

	@Override
	public TokenSession login(char[] pin) {
		Provider provider = module.provider(slot, info.serial());
		ReentrantLock lock = module.lock(slot, info.serial());
		lock.lock();
		boolean done = false;
		try {
			logout(provider); // SunPKCS11 skips C_Login when already logged in: every PIN must really be checked
			KeyStore store = KeyStore.getInstance("PKCS11", provider);
			try {
				store.load(null, pin);
			}
			catch (IOException e) {
				throw pinFailure(e);
			}
			done = true;
			return new Session(provider, store, lock);
		}
		catch (GeneralSecurityException e) {
			throw tokenError(e);
		}
		finally {
			if (!done) {
				logout(provider);
				lock.unlock();
			}
		}
	}

	@Override
	public void changePin(char[] oldPin, char[] newPin) {
		checkNewPin(newPin);
		ReentrantLock lock = module.lock(slot, info.serial());
		lock.lock();
		long session = openSession(true);
		try {
			long rv = PinFunctions.setPin(module.library(), session, oldPin, newPin);
			if (rv == Cryptoki.CKR_PIN_INCORRECT || rv == Cryptoki.CKR_PIN_INVALID || rv == Cryptoki.CKR_PIN_LEN_RANGE) {
				throw new PinRejectedException(false, null);
			}
			if (rv == Cryptoki.CKR_PIN_LOCKED) {
				throw new PinRejectedException(true, null);
			}
			if (rv != 0) {
				throw tokenError(new IllegalStateException("C_SetPIN: CKR 0x" + Long.toHexString(rv)));
			}
		}
		finally {
			module.cryptoki().closeSession(session);
			lock.unlock();
		}
	}

	@Override
	public void resetPin(char[] soPin, char[] newPin) {
		checkNewPin(newPin);
		Cryptoki cryptoki = module.cryptoki();
		ReentrantLock lock = module.lock(slot, info.serial());
		lock.lock();
		long session = openSession(true);
		try {
			try {
				cryptoki.login(session, Cryptoki.CKU_SO, soPin);
			}
			catch (Cryptoki.CryptokiException e) {
				if (e.code() == Cryptoki.CKR_PIN_INCORRECT || e.code() == Cryptoki.CKR_PIN_LEN_RANGE
						|| e.code() == Cryptoki.CKR_PIN_INVALID) {
					throw new AssistantException(Problem.PIN_INCORRECT, Msg.of(
							"SO PIN（管理员 PIN）错误，未重置用户 PIN。请核对发卡时的 SO PIN；多次错误会永久锁死 USB key。",
							"Wrong SO PIN (security officer PIN); the user PIN was not reset. Check the SO PIN given at "
									+ "issuance: repeated errors can lock the USB key for good."),
							e);
				}
				if (e.code() == Cryptoki.CKR_PIN_LOCKED) {
					throw AssistantException.of(Problem.PIN_LOCKED, "SO PIN 已被 USB key 锁定，无法重置。请联系 CA 更换 USB key。",
							"The SO PIN is locked by the USB key; it cannot be reset. Contact the CA for a new USB key.");
				}
				throw e;
			}
			try {
				long rv = PinFunctions.initPin(module.library(), session, newPin);
				if (rv != 0) {
					throw tokenError(new IllegalStateException("C_InitPIN: CKR 0x" + Long.toHexString(rv)));
				}
			}
			finally {
				try {
					cryptoki.logout(session);
				}
				catch (Cryptoki.CryptokiException e) {
					// the session is closed below anyway
				}
			}
		}
		finally {
			cryptoki.closeSession(session);
			lock.unlock();
		}
	}

	/** Whether the private key stored under {@code alias} is a token object, sensitive and not extractable. */
	public KeyProtection keyProtection(String alias) {
		Cryptoki cryptoki = module.cryptoki();
		long session = openSession(false);
		try {
			for (long handle : cryptoki.findObjects(session, new long[] { Cryptoki.CKA_CLASS },
					new Object[] { Cryptoki.CKO_PRIVATE_KEY })) {
				Object[] values = cryptoki.attributes(session, handle, Cryptoki.CKA_ID, Cryptoki.CKA_TOKEN,
						Cryptoki.CKA_SENSITIVE, Cryptoki.CKA_EXTRACTABLE);
				if (alias.equals(Cryptoki.text(values[0]))) {
					return new KeyProtection(Cryptoki.bool(values[1]), Cryptoki.bool(values[2]),
							Cryptoki.bool(values[3]));
				}
			}
			return null;
		}
		finally {
			cryptoki.closeSession(session);
		}
	}

	/** PKCS#11 attributes of a stored private key. */
	public record KeyProtection(boolean tokenObject, boolean sensitive, boolean extractable) {
	}

	private void checkNewPin(char[] newPin) {
		if (newPin.length < info.minPinLength() || (info.maxPinLength() > 0 && newPin.length > info.maxPinLength())) {
			throw AssistantException.of(Problem.BAD_REQUEST,
					"新 PIN 长度必须在 " + info.minPinLength() + " 到 " + info.maxPinLength() + " 位之间，请重新设置。",
					"The new PIN must be " + info.minPinLength() + " to " + info.maxPinLength()
							+ " characters long; choose another.");
		}
	}

	private long openSession(boolean readWrite) {
		try {
			return module.cryptoki().openSession(slot, readWrite);
		}
		catch (Cryptoki.CryptokiException e) {
			throw new AssistantException(Problem.TOKEN_ABSENT, Msg.of(
					"无法打开 USB key " + id() + "（" + e.getMessage() + "）。请确认 USB key 已插好，然后重试。",
					"Cannot open USB key " + id() + " (" + e.getMessage() + "). Check it is plugged in, then retry."), e);
		}
	}

	private static void logout(Provider provider) {
		try {
			((java.security.AuthProvider) provider).logout();
		}
		catch (LoginException | RuntimeException e) {
			// not logged in, or the token is gone
		}
	}

	private RuntimeException pinFailure(IOException e) {
		Cryptoki.CryptokiException cause = Cryptoki.CryptokiException.from(e);
		boolean wrongPin = e.getCause() instanceof java.security.UnrecoverableKeyException;
		if (wrongPin || (cause != null && (cause.code() == Cryptoki.CKR_PIN_INCORRECT
				|| cause.code() == Cryptoki.CKR_PIN_INVALID || cause.code() == Cryptoki.CKR_PIN_LEN_RANGE))) {
			return new PinRejectedException(false, e);
		}
		if (cause != null && cause.code() == Cryptoki.CKR_PIN_LOCKED) {
			return new PinRejectedException(true, e);
		}
		return tokenError(e);
	}

	private AssistantException tokenError(Exception e) {
		return new AssistantException(Problem.TOKEN_ERROR, Msg.of(
				"USB key " + id() + " 操作失败（" + e.getMessage() + "）。请重新插拔 USB key 后重试；仍失败请运行 diagnose。",
				"USB key " + id() + " operation failed (" + e.getMessage()
						+ "). Re-plug the USB key and retry; if it still fails, run diagnose."),
				e);
	}

	/** A logged-in PKCS#11 token; holds the token's lock until closed. */
	private final class Session implements TokenSession {

		private final Provider provider;

		private final KeyStore store;

		private final ReentrantLock lock;

		private boolean closed;

		Session(Provider provider, KeyStore store, ReentrantLock lock) {
			this.provider = provider;
			this.store = store;
			this.lock = lock;
		}

		@Override
		public List<KeyEntry> keyEntries() {
			try {
				List<KeyEntry> entries = new ArrayList<>();
				for (String alias : Collections.list(store.aliases())) {
					if (!store.isKeyEntry(alias)) {
						continue;
					}
					Certificate[] chain = store.getCertificateChain(alias);
					if (chain == null || chain.length == 0) {
						continue;
					}
					X509Certificate[] x509 = new X509Certificate[chain.length];
					for (int i = 0; i < chain.length; i++) {
						x509[i] = (X509Certificate) chain[i];
					}
					entries.add(new KeyEntry(alias, (PrivateKey) store.getKey(alias, null), x509));
				}
				return entries;
			}
			catch (GeneralSecurityException e) {
				throw tokenError(e);
			}
		}

		@Override
		public Provider provider() {
			return provider;
		}

		@Override
		public KeyEntry generate(String alias, KeyAlgorithm algorithm, X500Name subject) {
			if (algorithm == KeyAlgorithm.SM2) {
				throw AssistantException.of(Problem.NOT_SUPPORTED,
						"此 PKCS#11 令牌不支持 SM2（SoftHSM2 没有 SM2 算法）。请改用 --algorithm EC 或 RSA，或使用支持 SM2 的国密 USB key，"
								+ "或使用 PKCS#12 软证书（init-soft-token）生成 SM2 密钥。",
						"This PKCS#11 token does not support SM2 (SoftHSM2 has no SM2). Use --algorithm EC or RSA, "
								+ "a USB key with SM2 support, or a PKCS#12 soft token (init-soft-token) for SM2 keys.");
			}
			try {
				if (store.containsAlias(alias)) {
					throw aliasTaken(alias);
				}
				KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyPairAlgorithm(), provider);
				if (algorithm == KeyAlgorithm.RSA) {
					generator.initialize(2048);
				}
				else {
					generator.initialize(new ECGenParameterSpec(algorithm.curve()));
				}
				KeyPair pair = generator.generateKeyPair();
				X509Certificate placeholder = jdk(
						Certs.placeholder(subject, pair.getPublic(), pair.getPrivate(), provider));
				// the session key is copied to a token object (C_CopyObject) under CKA_ID = alias
				store.setKeyEntry(alias, pair.getPrivate(), null, new X509Certificate[] { placeholder });
				PrivateKey stored = (PrivateKey) store.getKey(alias, null);
				return new KeyEntry(alias, stored, new X509Certificate[] { placeholder });
			}
			catch (GeneralSecurityException e) {
				throw tokenError(e);
			}
		}

		@Override
		public void install(KeyEntry entry, X509Certificate[] chain) {
			try {
				X509Certificate[] converted = new X509Certificate[chain.length];
				for (int i = 0; i < chain.length; i++) {
					converted[i] = jdk(chain[i]);
				}
				// same public key as the stored entry: SunPKCS11 replaces the placeholder chain in place
				store.setKeyEntry(entry.alias(), entry.privateKey(), null, converted);
			}
			catch (GeneralSecurityException e) {
				throw tokenError(e);
			}
		}

		@Override
		public void delete(String alias) {
			try {
				store.deleteEntry(alias);
			}
			catch (GeneralSecurityException e) {
				throw tokenError(e);
			}
		}

		@Override
		public void importKey(String alias, java.security.PrivateKey key, java.security.cert.X509Certificate[] chain) {
			// a USB key takes an SM2 envelope only through its vendor's SKF driver (SKF_ImportECCKeyPair)
			throw Envelopes.usbKeyCannotImport();
		}

		@Override
		public void close() {
			if (!closed) {
				closed = true;
				logout(provider);
				lock.unlock();
			}
		}
	}

	static AssistantException aliasTaken(String alias) {
		return AssistantException.of(Problem.BAD_REQUEST, "别名 " + alias + " 已被使用，请用 --alias 指定另一个名称。",
				"Alias " + alias + " is already in use; choose another with --alias.");
	}

	/** The JDK's own certificate object (SunPKCS11 compares public keys with the JDK's classes). */
	private static X509Certificate jdk(X509Certificate certificate) throws GeneralSecurityException {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
	}
}
