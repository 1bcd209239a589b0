package org.govtrust.assistant.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;

/**
 * Opens the digital envelope in which GovTrust's key management centre sends the encryption
 * key of an SM2 dual pair (GM/T 0014): a GM/T 0016 {@code SKF_ENVELOPEDKEYBLOB} (PEM type
 * {@code SKF ENVELOPED KEY}) whose SM4 key only the holder's signing key decrypts. This is what
 * a USB key does inside {@code SKF_ImportECCKeyPair}; the assistant does it for soft tokens.
 */
public final class Envelopes {

	public static final String PEM_TYPE = "SKF ENVELOPED KEY";

	private static final int LENGTH = 388;

	private static final ECNamedCurveParameterSpec SM2 = ECNamedCurveTable.getParameterSpec("sm2p256v1");

	private Envelopes() {
	}

	/** The envelope in a PEM file, or null when there is none. */
	public static byte[] find(byte[] file) {
		String text = new String(file, StandardCharsets.ISO_8859_1);
		if (!text.contains("-----BEGIN " + PEM_TYPE)) {
			return null;
		}
		try (PemReader reader = new PemReader(new StringReader(text))) {
			PemObject object;
			while ((object = reader.readPemObject()) != null) {
				if (PEM_TYPE.equals(object.getType())) {
					return object.getContent();
				}
			}
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		return null;
	}

	/** An encryption certificate: key usage present, and no digitalSignature (it never signs a login). */
	public static boolean encryptionOnly(X509Certificate certificate) {
		boolean[] usage = certificate.getKeyUsage();
		return usage != null && !usage[0] && (usage.length > 2 && (usage[2] || usage[3] || usage[4]));
	}

	/**
	 * Opens the envelope with the signing key and checks the key against the encryption
	 * certificate.
	 * @param signingKey the holder's SM2 signing private key (a soft token's)
	 * @param envelope the {@code SKF_ENVELOPEDKEYBLOB}
	 * @param encryptionCertificate the encryption certificate the key must match
	 * @return the encryption private key
	 */
	public static PrivateKey open(PrivateKey signingKey, byte[] envelope, X509Certificate encryptionCertificate) {
		if (envelope.length != LENGTH) {
			throw unreadable(null);
		}
		ByteBuffer blob = ByteBuffer.wrap(envelope).order(ByteOrder.LITTLE_ENDIAN);
		if (blob.getInt() != 1 || blob.getInt() != 0x401 || blob.getInt() != 256) {
			throw unreadable(null);
		}
		byte[] encryptedKey = last32(blob);
		blob.getInt(); // BitLen
		byte[] x = last32(blob);
		byte[] y = last32(blob);
		byte[] c1x = last32(blob);
		byte[] c1y = last32(blob);
		byte[] c3 = new byte[32];
		blob.get(c3);
		if (blob.getInt() != 16) {
			throw unreadable(null);
		}
		byte[] c2 = new byte[16];
		blob.get(c2);
		byte[] cipher = new byte[1 + 32 + 32 + 32 + 16];
		cipher[0] = 4;
		System.arraycopy(c1x, 0, cipher, 1, 32);
		System.arraycopy(c1y, 0, cipher, 33, 32);
		System.arraycopy(c3, 0, cipher, 65, 32);
		System.arraycopy(c2, 0, cipher, 97, 16);
		byte[] sm4Key;
		try {
			SM2Engine sm2 = new SM2Engine(SM2Engine.Mode.C1C3C2);
			sm2.init(false, (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(signingKey));
			sm4Key = sm2.processBlock(cipher, 0, cipher.length);
		}
		catch (InvalidCipherTextException | GeneralSecurityException | ClassCastException ex) {
			throw AssistantException.of(Problem.NO_MATCHING_KEY,
					"加密密钥的数字信封不是发给这张签名证书的密钥的，无法打开。请确认安装的是同一次签发的双证书文件。",
					"The encryption key's envelope was not made for this signing key and cannot be opened. Install the "
							+ "dual-certificate file from the same issuance.");
		}
		try {
			Cipher sm4 = Cipher.getInstance("SM4/ECB/NoPadding", Bc.provider());
			sm4.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sm4Key, "SM4"));
			byte[] plain = sm4.doFinal(encryptedKey);
			BigInteger d = new BigInteger(1, plain);
			Arrays.fill(plain, (byte) 0);
			Arrays.fill(sm4Key, (byte) 0);
			ECPoint q = SM2.getG().multiply(d).normalize();
			PublicKey certified = encryptionCertificate.getPublicKey();
			if (!(certified instanceof ECPublicKey ec) || !ec.getQ().normalize().equals(q)
					|| !Arrays.equals(x, q.getAffineXCoord().getEncoded())
					|| !Arrays.equals(y, q.getAffineYCoord().getEncoded())) {
				throw AssistantException.of(Problem.NO_MATCHING_KEY,
						"数字信封中的加密密钥与加密证书不匹配，未安装。请联系 CA。",
						"The encryption key in the envelope does not match the encryption certificate; nothing was "
								+ "installed. Contact the CA.");
			}
			return KeyFactory.getInstance("EC", Bc.provider()).generatePrivate(new ECPrivateKeySpec(d, SM2));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Why a USB key cannot take an envelope through the assistant, and what to do. */
	public static AssistantException usbKeyCannotImport() {
		return AssistantException.of(Problem.NOT_SUPPORTED,
				"这是 SM2 双证书：加密密钥须由 USB key 厂商的 SKF 驱动（SKF_ImportECCKeyPair）导入，证书助手不能通过 PKCS#11 完成。请到 CA 柜台用厂商工具安装。",
				"This is an SM2 dual certificate: a USB key imports the encryption key through its vendor's SKF driver "
						+ "(SKF_ImportECCKeyPair), which the assistant cannot do through PKCS#11. Have the CA counter install it "
						+ "with the vendor's tool.");
	}

	private static byte[] last32(ByteBuffer blob) {
		byte[] field = new byte[64];
		blob.get(field);
		return Arrays.copyOfRange(field, 32, 64);
	}

	private static AssistantException unreadable(Exception cause) {
		return new AssistantException(Problem.BAD_REQUEST, Msg.of(
				"证书文件中的加密密钥数字信封（SKF ENVELOPED KEY）无法读取。请重新下载证书文件。",
				"The encryption key's envelope (SKF ENVELOPED KEY) in the certificate file cannot be read. Download the "
						+ "certificate file again."), cause);
	}

}
