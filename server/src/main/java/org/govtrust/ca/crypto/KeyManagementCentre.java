package org.govtrust.ca.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The key management centre (KMC) of the SM2 dual-certificate system (GM/T 0014): it
 * generates the enterprise's encryption key pair (the signing key is made on the USB key and
 * never leaves it; the encryption key is made here so that it can be recovered), keeps the
 * escrow copy, and hands the key to the USB key as a GM/T 0016 digital envelope that only
 * the holder's signing key opens.
 * <p>
 * The envelope is {@code SKF_ENVELOPEDKEYBLOB}, byte for byte as a USB key's
 * {@code SKF_ImportECCKeyPair} takes it (ULONGs little-endian, every coordinate right-aligned
 * in its 64-byte field):
 *
 * <pre>
 * ULONG Version = 1 | ULONG ulSymmAlgID = SGD_SM4_ECB (0x401) | ULONG ulBits = 256
 * BYTE cbEncryptedPriKey[64]       the private key d (32 bytes) under SM4-ECB with a one-time key
 * ECCPUBLICKEYBLOB PubKey          ULONG BitLen = 256, X[64], Y[64]: the encryption public key
 * ECCCIPHERBLOB ECCCipherBlob      X[64], Y[64] (C1), HASH[32] (C3), ULONG CipherLen = 16,
 *                                  Cipher[16] (C2): the SM4 key under SM2 to the signing key
 * </pre>
 */
public final class KeyManagementCentre {

	/** {@code SGD_SM4_ECB} (GM/T 0006). */
	public static final int SGD_SM4_ECB = 0x401;

	/** The PEM type the envelope travels under. */
	public static final String PEM_TYPE = "SKF ENVELOPED KEY";

	/** The size of an envelope for SM2-256. */
	public static final int ENVELOPE_LENGTH = 12 + 64 + 132 + 64 + 64 + 32 + 4 + 16;

	private static final SecureRandom random = new SecureRandom();

	private static final ECNamedCurveParameterSpec SM2 = ECNamedCurveTable.getParameterSpec("sm2p256v1");

	private KeyManagementCentre() {
	}

	/**
	 * A new SM2 encryption key pair.
	 * @return the pair
	 */
	public static KeyPair newEncryptionKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pki.BC);
			generator.initialize(new ECGenParameterSpec("sm2p256v1"), random);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SM2 key generation failed", ex);
		}
	}

	/**
	 * The envelope that carries an encryption key to the USB key of the holder of an SM2
	 * signing key.
	 * @param signingKey the holder's signing public key (SM2)
	 * @param encryptionKey the encryption private key (SM2); its public key is derived
	 * @return the {@code SKF_ENVELOPEDKEYBLOB}
	 */
	public static byte[] envelope(PublicKey signingKey, PrivateKey encryptionKey) {
		try {
			byte[] sm4Key = new byte[16];
			random.nextBytes(sm4Key);
			Cipher sm4 = Cipher.getInstance("SM4/ECB/NoPadding", Pki.BC);
			sm4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sm4Key, "SM4"));
			BigInteger secret = ((ECPrivateKey) encryptionKey).getD();
			byte[] d = BigIntegers.asUnsignedByteArray(32, secret);
			byte[] encryptedKey = sm4.doFinal(d);
			Arrays.fill(d, (byte) 0);

			SM2Engine sm2 = new SM2Engine(SM2Engine.Mode.C1C3C2);
			sm2.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(signingKey), random));
			// 04 || C1.x (32) || C1.y (32) || C3 (32) || C2 (16)
			byte[] cipher = sm2.processBlock(sm4Key, 0, sm4Key.length);
			Arrays.fill(sm4Key, (byte) 0);

			ECPoint point = SM2.getG().multiply(secret).normalize();
			ByteBuffer blob = ByteBuffer.allocate(ENVELOPE_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
			blob.putInt(1).putInt(SGD_SM4_ECB).putInt(256);
			blob.put(field(encryptedKey));
			blob.putInt(256).put(field(point.getAffineXCoord().getEncoded())).put(field(point.getAffineYCoord().getEncoded()));
			blob.put(field(Arrays.copyOfRange(cipher, 1, 33))).put(field(Arrays.copyOfRange(cipher, 33, 65)));
			blob.put(cipher, 65, 32);
			blob.putInt(16).put(cipher, 97, 16);
			return blob.array();
		}
		catch (GeneralSecurityException | InvalidCipherTextException | RuntimeException ex) {
			throw new IllegalStateException("the key envelope could not be made", ex);
		}
	}

	/**
	 * Opens an envelope with the signing private key, as the USB key does on import; checks
	 * that the private key matches the public key the envelope names.
	 * @param signingKey the holder's signing private key
	 * @param envelope the {@code SKF_ENVELOPEDKEYBLOB}
	 * @return the encryption private key
	 * @throws IllegalArgumentException when the envelope is not one, or not for this key
	 */
	public static PrivateKey open(PrivateKey signingKey, byte[] envelope) {
		if (envelope.length != ENVELOPE_LENGTH) {
			throw new IllegalArgumentException("not an SM2-256 envelope");
		}
		ByteBuffer blob = ByteBuffer.wrap(envelope).order(ByteOrder.LITTLE_ENDIAN);
		if (blob.getInt() != 1 || blob.getInt() != SGD_SM4_ECB || blob.getInt() != 256) {
			throw new IllegalArgumentException("unsupported envelope version or algorithm");
		}
		byte[] encryptedKey = tail(blob, 64);
		if (blob.getInt() != 256) {
			throw new IllegalArgumentException("not an SM2-256 public key");
		}
		byte[] x = tail(blob, 64);
		byte[] y = tail(blob, 64);
		ByteArrayOutputStream cipher = new ByteArrayOutputStream();
		cipher.write(4);
		cipher.writeBytes(tail(blob, 64));
		cipher.writeBytes(tail(blob, 64));
		byte[] hash = new byte[32];
		blob.get(hash);
		cipher.writeBytes(hash);
		int length = blob.getInt();
		if (length != 16) {
			throw new IllegalArgumentException("unexpected SM4 key length");
		}
		byte[] c2 = new byte[16];
		blob.get(c2);
		cipher.writeBytes(c2);
		try {
			ECPrivateKeyParameters holder = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(signingKey);
			SM2Engine sm2 = new SM2Engine(SM2Engine.Mode.C1C3C2);
			sm2.init(false, holder);
			byte[] sm4Key = sm2.processBlock(cipher.toByteArray(), 0, cipher.size());
			Cipher sm4 = Cipher.getInstance("SM4/ECB/NoPadding", Pki.BC);
			sm4.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sm4Key, "SM4"));
			BigInteger d = new BigInteger(1, sm4.doFinal(encryptedKey));
			ECPoint expected = SM2.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y));
			if (!SM2.getG().multiply(d).normalize().equals(expected.normalize())) {
				throw new IllegalArgumentException("the key in the envelope does not match its public key");
			}
			return KeyFactory.getInstance("EC", Pki.BC).generatePrivate(new ECPrivateKeySpec(d, SM2));
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalArgumentException("the envelope is not for this signing key", ex);
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalArgumentException("the envelope cannot be opened with this key", ex);
		}
	}

	/**
	 * Reads an escrowed private key back.
	 * @param pkcs8 its PKCS#8 encoding
	 * @return the key
	 */
	public static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("EC", Pki.BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the escrowed key cannot be read", ex);
		}
	}

	/**
	 * An envelope as PEM, type {@code SKF ENVELOPED KEY}, which the key assistant installs.
	 * @param envelope the {@code SKF_ENVELOPEDKEYBLOB}
	 * @return PEM text
	 */
	public static String pem(byte[] envelope) {
		return Pki.pem(new PemObject(PEM_TYPE, envelope));
	}

	/** A 32-byte value right-aligned in a 64-byte field. */
	private static byte[] field(byte[] value) {
		byte[] field = new byte[64];
		System.arraycopy(value, 0, field, 64 - value.length, value.length);
		return field;
	}

	/** The last 32 bytes of the next 64-byte field. */
	private static byte[] tail(ByteBuffer blob, int size) {
		byte[] field = new byte[size];
		blob.get(field);
		return Arrays.copyOfRange(field, size - 32, size);
	}

}
