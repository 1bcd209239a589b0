package org.govtrust.sso.crypto;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link OpenSslRsa}: where OpenSSL 3 loads, a key it holds makes exactly the JDK's RS256
 * signatures, through the JCA and through Nimbus's signer, and every other key and use stays
 * with the JDK; where it does not load, or disagrees with the JDK, the key stays with the JDK.
 * The tests that need libcrypto are skipped where it is missing, except in CI ({@code CI=true}).
 */
class OpenSslRsaTests {

	private static KeyPair pair;

	@BeforeAll
	static void generate() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		pair = generator.generateKeyPair();
	}

	@Test
	void openSslMakesTheJdksSignatures() throws Exception {
		PrivateKey held = openSsl().signingKey(privateKey(), pair.getPublic());
		assertThat(held).isNotSameAs(privateKey());
		assertThat(held.getAlgorithm()).isEqualTo("RSA");
		assertThat(held.getEncoded()).as("never exported").isNull();
		for (int length : new int[] { 0, 1, 55, 64, 1000, 100_000 }) {
			byte[] data = new byte[length];
			Arrays.fill(data, (byte) length);
			Signature openSsl = Signature.getInstance("SHA256withRSA");
			openSsl.initSign(held);
			openSsl.update(data, 0, data.length / 2);
			openSsl.update(data, data.length / 2, data.length - data.length / 2);
			byte[] signature = openSsl.sign();
			assertThat(openSsl.getProvider().getName()).isEqualTo("GovTrustOpenSSL");
			assertThat(signature).isEqualTo(jdkSignature(data));
			// the same Signature object signs again after sign()
			openSsl.update(data);
			assertThat(openSsl.sign()).isEqualTo(signature);
		}
	}

	@Test
	void nimbusSignsTokensWithTheKeyOpenSslHolds() throws Exception {
		PrivateKey held = openSsl().signingKey(privateKey(), pair.getPublic());
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(held).keyID("k1").build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
				new JWTClaimsSet.Builder().subject("42").claim("名", "王小明").build());
		jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(jwk));
		SignedJWT parsed = SignedJWT.parse(jwt.serialize());
		assertThat(parsed.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
		assertThat(parsed.getJWTClaimsSet().getSubject()).isEqualTo("42");
		assertThat(jwk.toPublicJWK().toJSONString()).doesNotContain("\"d\"");
	}

	@Test
	void everyOtherKeyAndUseStaysWithTheJdk() throws Exception {
		openSsl(); // the provider is registered
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(pair.getPrivate());
		signer.update("plain".getBytes(StandardCharsets.UTF_8));
		byte[] signature = signer.sign();
		assertThat(signer.getProvider().getName()).isNotEqualTo("GovTrustOpenSSL");
		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(pair.getPublic());
		verifier.update("plain".getBytes(StandardCharsets.UTF_8));
		assertThat(verifier.verify(signature)).isTrue();
		assertThat(verifier.getProvider().getName()).isNotEqualTo("GovTrustOpenSSL");
	}

	@Test
	void theJdkSignsWhenSwitchedOff() {
		OpenSslRsa off = OpenSslRsa.load(false);
		assertThat(off.isLoaded()).isFalse();
		assertThat(off.signingKey(privateKey(), pair.getPublic())).isSameAs(privateKey());
	}

	@Test
	void theJdkSignsWhenLibcryptoIsMissing() {
		OpenSslRsa missing = OpenSslRsa.load(() -> {
			throw new UnsatisfiedLinkError("Unable to load library 'crypto'");
		});
		assertThat(missing.isLoaded()).isFalse();
		assertThat(missing.signingKey(privateKey(), pair.getPublic())).isSameAs(privateKey());
	}

	@Test
	void theJdkSignsWhenLibcryptoIsOlderThan3() {
		OpenSslRsa old = OpenSslRsa.load(() -> new FakeLibcrypto(0x1010_117fL, false));
		assertThat(old.isLoaded()).isFalse();
	}

	@Test
	void aKeyStaysWithTheJdkWhenOpenSslsSignatureDiffers() {
		FakeLibcrypto libcrypto = new FakeLibcrypto(0x3000_0130L, true);
		OpenSslRsa wrong = OpenSslRsa.load(() -> libcrypto);
		assertThat(wrong.isLoaded()).isTrue();
		assertThat(wrong.signingKey(privateKey(), pair.getPublic())).isSameAs(privateKey());
		assertThat(libcrypto.signatures).as("OpenSSL was asked to sign (through the provider)").hasValue(1);
	}

	@Test
	void aKeyStaysWithTheJdkWhenOpenSslCannotReadIt() {
		OpenSslRsa unreadable = OpenSslRsa.load(() -> new FakeLibcrypto(0x3000_0130L, false));
		assertThat(unreadable.signingKey(privateKey(), pair.getPublic())).isSameAs(privateKey());
	}

	private static RSAPrivateCrtKey privateKey() {
		return (RSAPrivateCrtKey) pair.getPrivate();
	}

	private static byte[] jdkSignature(byte[] data) throws Exception {
		Signature jdk = Signature.getInstance("SHA256withRSA");
		jdk.initSign(pair.getPrivate());
		jdk.update(data);
		return jdk.sign();
	}

	private static OpenSslRsa openSsl() {
		OpenSslRsa openSsl = OpenSslRsa.load(true);
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(openSsl.isLoaded(), "OpenSSL 3's libcrypto is not installed (Debian: apt-get install libssl3)");
		}
		assertThat(openSsl.isLoaded()).as("libcrypto 3 loaded").isTrue();
		return openSsl;
	}

	/** A libcrypto of the given version that reads no key, or signs every message with zeros. */
	private static final class FakeLibcrypto implements OpenSslRsa.Libcrypto {

		private final long version;

		private final boolean readsKeys;

		final AtomicInteger signatures = new AtomicInteger();

		FakeLibcrypto(long version, boolean readsKeys) {
			this.version = version;
			this.readsKeys = readsKeys;
		}

		@Override
		public NativeLong OpenSSL_version_num() {
			return new NativeLong(this.version);
		}

		@Override
		public Pointer d2i_AutoPrivateKey(Pointer key, PointerByReference der, NativeLong length) {
			return this.readsKeys ? new Pointer(1) : null;
		}

		@Override
		public void EVP_PKEY_free(Pointer key) {
		}

		@Override
		public Pointer EVP_MD_CTX_new() {
			return new Pointer(2);
		}

		@Override
		public void EVP_MD_CTX_free(Pointer context) {
		}

		@Override
		public int EVP_DigestSignInit_ex(Pointer context, Pointer keyContext, String digest, Pointer libraryContext,
				String properties, Pointer key, Pointer parameters) {
			return 1;
		}

		@Override
		public int EVP_DigestSign(Pointer context, byte[] signature, LongByReference signatureLength, byte[] data,
				long dataLength) {
			Arrays.fill(signature, (byte) 0);
			this.signatures.incrementAndGet();
			return 1;
		}

		@Override
		public void ERR_clear_error() {
		}

	}

}
