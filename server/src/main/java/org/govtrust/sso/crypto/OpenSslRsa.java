package org.govtrust.sso.crypto;

import java.io.ByteArrayOutputStream;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * RS256 token signatures computed by the system's OpenSSL 3 (libcrypto, through JNA) where
 * the machine has it, by the JDK otherwise.
 * <p>
 * Why: every access and ID token is signed with RSA-2048, and that signature was most of the
 * CPU of a client-credentials grant. OpenSSL signed in 0.31-0.36 ms (through JNA) where the JDK
 * took 0.73 ms on the same core (it uses the processor's vector multiply instructions for the modular
 * arithmetic; the JDK does not).
 * <p>
 * How: {@link #signingKey} turns a key into a {@link PrivateKey} that holds OpenSSL's copy of
 * it (never exported again) and that only this class's JCA provider accepts, for
 * {@code SHA256withRSA} only. The provider is registered last, so the JDK's own providers keep
 * every other key and algorithm; Nimbus's RS256 signer, handed such a key (as it is handed a
 * key on a PKCS#11 token), reaches OpenSSL through the standard {@link Signature} API.
 * <p>
 * RSA PKCS #1 v1.5 signatures are deterministic: for every key, OpenSSL's signature of a test
 * message must equal the JDK's, byte for byte, or the key stays with the JDK. So does every key
 * when libcrypto 3 is missing (Debian: {@code libssl3}), cannot be loaded, or
 * {@code govtrust.sso.native-signatures=false}; the log says once which one signs and why.
 */
public final class OpenSslRsa {

	private static final Log logger = LogFactory.getLog(OpenSslRsa.class);

	private static final String ALGORITHM = "SHA256withRSA";

	private static final byte[] CHECKED_MESSAGE = "GovTrust OpenSSL RS256 check 签名".getBytes(StandardCharsets.UTF_8);

	private static final Cleaner CLEANER = Cleaner.create();

	private static final Object LOADING = new Object();

	/** Set once OpenSSL's provider is registered with the JCA (one per JVM, whatever the contexts). */
	private static @Nullable OpenSslProvider registered;

	private final @Nullable Libcrypto libcrypto;

	private OpenSslRsa(@Nullable Libcrypto libcrypto) {
		this.libcrypto = libcrypto;
	}

	/**
	 * @param enabled whether to look for OpenSSL at all
	 * @return signatures by OpenSSL where it loads, by the JDK otherwise
	 */
	public static OpenSslRsa load(boolean enabled) {
		if (!enabled) {
			logger.info("Token signatures: RS256 by the JDK (govtrust.sso.native-signatures=false)");
			return new OpenSslRsa(null);
		}
		return load(Libcrypto::load);
	}

	/** With the given binding: tests hand in one that fails. */
	static OpenSslRsa load(java.util.function.Supplier<Libcrypto> binding) {
		try {
			Libcrypto libcrypto = binding.get();
			long version = libcrypto.OpenSSL_version_num().longValue();
			if (version < 0x3000_0000L) {
				throw new UnsupportedOperationException("libcrypto " + Long.toHexString(version) + " is older than 3.0");
			}
			synchronized (LOADING) {
				if (registered == null) {
					registered = new OpenSslProvider();
					Security.addProvider(registered); // last: the JDK's providers keep everything else
				}
			}
			logger.info("Token signatures: RS256 by OpenSSL " + Long.toHexString(version)
					+ " for each key that makes the same signature as the JDK");
			return new OpenSslRsa(libcrypto);
		}
		catch (Throwable ex) { // LinkageError when missing; JNA's Error on a bad library; anything else alike
			logger.warn("Token signatures: RS256 by the JDK, because OpenSSL 3's libcrypto could not be loaded (" + ex
					+ "). For faster token endpoints install it (Debian and Ubuntu: apt-get install libssl3)");
			return new OpenSslRsa(null);
		}
	}

	/** Whether OpenSSL was loaded (each key is still checked on its own). */
	public boolean isLoaded() {
		return this.libcrypto != null;
	}

	/**
	 * The key to sign with.
	 * @param key an RSA private key
	 * @param publicKey its public key, which the signature made by OpenSSL must verify with
	 * @return a key OpenSSL signs with, when OpenSSL is loaded and its signature of a test message
	 * is the JDK's; {@code key} itself otherwise
	 */
	public PrivateKey signingKey(RSAPrivateCrtKey key, PublicKey publicKey) {
		if (this.libcrypto == null) {
			return key;
		}
		try {
			OpenSslKey held = OpenSslKey.of(this.libcrypto, key);
			Signature jdk = Signature.getInstance(ALGORITHM);
			jdk.initSign(key);
			jdk.update(CHECKED_MESSAGE);
			byte[] expected = jdk.sign();
			// through the JCA, as Nimbus will: this also checks that the provider is the one chosen
			Signature openSsl = Signature.getInstance(ALGORITHM);
			openSsl.initSign(held);
			openSsl.update(CHECKED_MESSAGE);
			byte[] actual = openSsl.sign();
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(publicKey);
			verifier.update(CHECKED_MESSAGE);
			if (!(openSsl.getProvider() instanceof OpenSslProvider) || !Arrays.equals(expected, actual)
					|| !verifier.verify(actual)) {
				logger.warn("Token signatures: RS256 by the JDK for this key, because OpenSSL's signature differed");
				return key;
			}
			return held;
		}
		catch (Throwable ex) {
			logger.warn("Token signatures: RS256 by the JDK for this key, because OpenSSL could not sign with it ("
					+ ex + ")");
			return key;
		}
	}

	/** The parts of libcrypto (OpenSSL 3) used here; size_t is 64 bits ({@link #load()} checks). */
	interface Libcrypto extends Library {

		static Libcrypto load() {
			if (Native.SIZE_T_SIZE != Long.BYTES) {
				throw new UnsupportedOperationException("libcrypto is bound for 64-bit processes only");
			}
			return Native.load("crypto", Libcrypto.class);
		}

		NativeLong OpenSSL_version_num();

		Pointer d2i_AutoPrivateKey(@Nullable Pointer key, PointerByReference der, NativeLong length);

		void EVP_PKEY_free(Pointer key);

		Pointer EVP_MD_CTX_new();

		void EVP_MD_CTX_free(Pointer context);

		int EVP_DigestSignInit_ex(Pointer context, @Nullable Pointer keyContext, String digest,
				@Nullable Pointer libraryContext, @Nullable String properties, Pointer key, @Nullable Pointer parameters);

		int EVP_DigestSign(Pointer context, byte[] signature, LongByReference signatureLength, byte[] data,
				long dataLength);

		void ERR_clear_error();

	}

	/**
	 * OpenSSL's copy of an RSA private key. It is never exported: {@link #getEncoded()} is
	 * {@code null}. The copy is freed when this object is collected; Nimbus's encoder keeps a
	 * signer for every key it has signed with, so in practice a key lives as long as the JVM
	 * (one a rotation).
	 */
	static final class OpenSslKey implements PrivateKey {

		private static final long serialVersionUID = 1L;

		private final transient Libcrypto libcrypto;

		private final transient Pointer key;

		private final int signatureBytes;

		private OpenSslKey(Libcrypto libcrypto, Pointer key, int signatureBytes) {
			this.libcrypto = libcrypto;
			this.key = key;
			this.signatureBytes = signatureBytes;
		}

		static OpenSslKey of(Libcrypto libcrypto, RSAPrivateCrtKey key) throws InvalidKeyException {
			byte[] pkcs8 = key.getEncoded();
			Memory der = new Memory(pkcs8.length);
			try {
				der.write(0, pkcs8, 0, pkcs8.length);
				Pointer parsed = libcrypto.d2i_AutoPrivateKey(null, new PointerByReference(der),
						new NativeLong(pkcs8.length));
				if (parsed == null) {
					libcrypto.ERR_clear_error();
					throw new InvalidKeyException("OpenSSL could not read the key");
				}
				OpenSslKey opened = new OpenSslKey(libcrypto, parsed, (key.getModulus().bitLength() + 7) / 8);
				CLEANER.register(opened, () -> libcrypto.EVP_PKEY_free(parsed));
				return opened;
			}
			finally {
				der.clear();
				Arrays.fill(pkcs8, (byte) 0);
			}
		}

		byte[] sign(byte[] data) throws SignatureException {
			Pointer context = this.libcrypto.EVP_MD_CTX_new();
			if (context == null) {
				throw new SignatureException("OpenSSL could not allocate a signing context");
			}
			try {
				byte[] signature = new byte[this.signatureBytes];
				LongByReference length = new LongByReference(signature.length);
				if (this.libcrypto.EVP_DigestSignInit_ex(context, null, "SHA256", null, null, this.key, null) != 1
						|| this.libcrypto.EVP_DigestSign(context, signature, length, data, data.length) != 1) {
					this.libcrypto.ERR_clear_error();
					throw new SignatureException("OpenSSL could not sign");
				}
				return (length.getValue() == signature.length) ? signature
						: Arrays.copyOf(signature, (int) length.getValue());
			}
			finally {
				this.libcrypto.EVP_MD_CTX_free(context);
				java.lang.ref.Reference.reachabilityFence(this); // the key is not freed while it signs
			}
		}

		@Override
		public String getAlgorithm() {
			return "RSA";
		}

		@Override
		public @Nullable String getFormat() {
			return null;
		}

		@Override
		public byte @Nullable [] getEncoded() {
			return null;
		}

	}

	/** The JCA provider that accepts {@link OpenSslKey}s, and nothing else, for SHA256withRSA. */
	private static final class OpenSslProvider extends Provider {

		private static final long serialVersionUID = 1L;

		OpenSslProvider() {
			super("GovTrustOpenSSL", "1.0", "GovTrust: RS256 signatures by OpenSSL for keys OpenSSL holds");
			putService(new Service(this, "Signature", ALGORITHM, OpenSslSignature.class.getName(),
					List.of("1.2.840.113549.1.1.11", "OID.1.2.840.113549.1.1.11"),
					Map.of("SupportedKeyClasses", OpenSslKey.class.getName())) {

				@Override
				public Object newInstance(@Nullable Object parameter) {
					return new OpenSslSignature();
				}

			});
		}

	}

	/** SHA256withRSA, signing only, with an {@link OpenSslKey}: the data is gathered, then signed at once. */
	private static final class OpenSslSignature extends SignatureSpi {

		private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);

		private @Nullable OpenSslKey key;

		@Override
		protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
			if (!(privateKey instanceof OpenSslKey openSsl)) {
				throw new InvalidKeyException("Only keys held by OpenSSL");
			}
			this.key = openSsl;
			this.data.reset();
		}

		@Override
		protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
			throw new InvalidKeyException("OpenSSL's provider only signs; the JDK verifies");
		}

		@Override
		protected void engineUpdate(byte b) {
			this.data.write(b);
		}

		@Override
		protected void engineUpdate(byte[] bytes, int offset, int length) {
			this.data.write(bytes, offset, length);
		}

		@Override
		protected byte[] engineSign() throws SignatureException {
			if (this.key == null) {
				throw new SignatureException("Not initialised for signing");
			}
			byte[] signed = this.data.toByteArray();
			this.data.reset();
			return this.key.sign(signed);
		}

		@Override
		protected boolean engineVerify(byte[] signature) throws SignatureException {
			throw new SignatureException("OpenSSL's provider only signs");
		}

		@Override
		@Deprecated
		protected void engineSetParameter(String parameter, Object value) {
			throw new InvalidParameterException("No parameters");
		}

		@Override
		@Deprecated
		protected Object engineGetParameter(String parameter) {
			throw new InvalidParameterException("No parameters");
		}

	}

}
