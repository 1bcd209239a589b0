package org.govtrust.assistant.token;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.crypto.Bc;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;

/**
 * A PKCS#12 file used as a "soft token"; the PIN is the store password. Private keys are stored
 * PBES2-encrypted (AES-256, PBKDF2-HMAC-SHA256) and the file carries an HMAC-SHA256 integrity MAC, so a wrong
 * PIN is told apart from a damaged file. Certificates are stored unencrypted (like OpenSSL's
 * {@code -certpbe NONE}) so they can be listed without the PIN. SM2 keys are handled by Bouncy Castle.
 */
public final class SoftToken implements Token {

	private static final int ITERATIONS = 10_000;

	private final Path file;

	public SoftToken(Path file) {
		this.file = file.toAbsolutePath().normalize();
	}

	/** Creates an empty soft token protected by {@code pin}; refuses to overwrite an existing file. */
	public static SoftToken create(Path file, char[] pin) {
		if (Files.exists(file)) {
			throw AssistantException.of(Problem.BAD_REQUEST, "文件 " + file + " 已存在，未覆盖。请指定一个新的文件名。",
					"File " + file + " already exists and was not overwritten. Give a new file name.");
		}
		if (pin.length < 6) {
			throw AssistantException.of(Problem.BAD_REQUEST, "PIN 至少需要 6 位，请重新设置。",
					"The PIN must be at least 6 characters long; choose another.");
		}
		SoftToken token = new SoftToken(file);
		token.write(List.of(), List.of(), pin);
		return token;
	}

	public Path file() {
		return file;
	}

	@Override
	public String id() {
		return "file:" + file.getFileName();
	}

	@Override
	public String label() {
		return file.getFileName().toString();
	}

	@Override
	public TokenKind kind() {
		return TokenKind.PKCS12;
	}

	@Override
	public HardwarePin hardwarePin() {
		return HardwarePin.NONE;
	}

	@Override
	public List<TokenCertificate> certificates() {
		Contents contents = read(null);
		List<TokenCertificate> result = new ArrayList<>();
		for (Bag bag : contents.certificates) {
			if (bag.localKeyId != null && Certs.isEndEntity(bag.certificate)) {
				result.add(new TokenCertificate(bag.alias(), bag.certificate));
			}
		}
		return result;
	}

	@Override
	public TokenSession login(char[] pin) {
		Contents contents = read(pin);
		return new Session(pin.clone(), contents.entries(), contents.caCertificates());
	}

	@Override
	public void changePin(char[] oldPin, char[] newPin) {
		if (newPin.length < 6) {
			throw AssistantException.of(Problem.BAD_REQUEST, "新 PIN 至少需要 6 位，请重新设置。",
					"The new PIN must be at least 6 characters long; choose another.");
		}
		Contents contents = read(oldPin);
		write(contents.entries(), contents.caCertificates(), newPin);
	}

	@Override
	public void resetPin(char[] soPin, char[] newPin) {
		throw AssistantException.of(Problem.NOT_SUPPORTED,
				"软证书（PKCS#12 文件）没有 SO PIN，无法重置 PIN：其私钥只能用原 PIN 解密。忘记 PIN 时，请生成新密钥（keygen）并重新申请证书。",
				"A soft token (PKCS#12 file) has no SO PIN and its PIN cannot be reset: only the old PIN decrypts the key. "
						+ "If the PIN is forgotten, generate a new key (keygen) and apply for a new certificate.");
	}

	// --- file format ---

	private record Bag(String friendlyName, byte[] localKeyId, X509Certificate certificate, PrivateKey key) {

		String alias() {
			if (friendlyName != null) {
				return friendlyName;
			}
			return localKeyId == null ? null : java.util.HexFormat.of().formatHex(localKeyId);
		}
	}

	private record Contents(List<Bag> certificates, List<Bag> keys) {

		List<KeyEntry> entries() {
			List<KeyEntry> entries = new ArrayList<>();
			for (Bag key : keys) {
				for (Bag cert : certificates) {
					if (cert.localKeyId != null && Arrays.equals(cert.localKeyId, key.localKeyId)) {
						String alias = key.alias() != null ? key.alias() : cert.alias();
						entries.add(new KeyEntry(alias, key.key, Certs.chain(cert.certificate, caCertificates())));
					}
				}
			}
			return entries;
		}

		List<X509Certificate> caCertificates() {
			List<X509Certificate> result = new ArrayList<>();
			for (Bag bag : certificates) {
				if (bag.localKeyId == null) {
					result.add(bag.certificate);
				}
			}
			return result;
		}
	}

	/** Reads the file; with a PIN, checks the MAC (wrong PIN) and decrypts the keys. */
	private Contents read(char[] pin) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new AssistantException(Problem.TOKEN_ABSENT, Msg.of(
					"找不到软证书文件 " + file + "。请确认文件位置，或用 --pkcs12 指定正确的路径。",
					"Soft token file " + file + " not found. Check where it is, or give the right path with --pkcs12."), e);
		}
		try {
			PKCS12PfxPdu pfx = new PKCS12PfxPdu(bytes);
			InputDecryptorProvider decryptor = null;
			if (pin != null) {
				if (!pfx.hasMac() || !pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(Bc.provider()),
						pin)) {
					throw new PinRejectedException(false, null);
				}
				decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Bc.provider()).build(pin);
			}
			List<Bag> certificates = new ArrayList<>();
			List<Bag> keys = new ArrayList<>();
			for (ContentInfo info : pfx.getContentInfos()) {
				PKCS12SafeBagFactory factory;
				if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
					if (decryptor == null) {
						continue; // encrypted certificates (files from other tools) need the PIN
					}
					factory = new PKCS12SafeBagFactory(info, decryptor);
				}
				else {
					factory = new PKCS12SafeBagFactory(info);
				}
				for (PKCS12SafeBag bag : factory.getSafeBags()) {
					String name = null;
					byte[] id = null;
					for (Attribute attribute : bag.getAttributes() == null ? new Attribute[0] : bag.getAttributes()) {
						ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
						if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_friendlyName)) {
							name = DERBMPString.getInstance(value).getString();
						}
						else if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_localKeyId)) {
							id = ASN1OctetString.getInstance(value).getOctets();
						}
					}
					if (bag.getType().equals(PKCSObjectIdentifiers.certBag)) {
						X509Certificate certificate = Certs.parse(((X509CertificateHolder) bag.getBagValue()).getEncoded());
						certificates.add(new Bag(name, id, certificate, null));
					}
					else if (decryptor != null && bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
						PrivateKeyInfo keyInfo = ((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue())
							.decryptPrivateKeyInfo(decryptor);
						keys.add(new Bag(name, id, null, new JcaPEMKeyConverter().setProvider(Bc.provider())
							.getPrivateKey(keyInfo)));
					}
					else if (decryptor != null && bag.getType().equals(PKCSObjectIdentifiers.keyBag)) {
						keys.add(new Bag(name, id, null, new JcaPEMKeyConverter().setProvider(Bc.provider())
							.getPrivateKey((PrivateKeyInfo) bag.getBagValue())));
					}
				}
			}
			return new Contents(certificates, keys);
		}
		catch (PinRejectedException e) {
			throw e;
		}
		catch (Exception e) {
			throw new AssistantException(Problem.TOKEN_ERROR, Msg.of(
					"软证书文件 " + file.getFileName() + " 无法读取或已损坏（" + e.getMessage() + "）。请使用备份文件，或生成新密钥并重新申请证书。",
					"Soft token file " + file.getFileName() + " cannot be read or is damaged (" + e.getMessage()
							+ "). Use a backup, or generate a new key and apply for a new certificate."),
					e);
		}
	}

	private void write(List<KeyEntry> entries, List<X509Certificate> caCertificates, char[] pin) {
		try {
			OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
				.setProvider(Bc.provider())
				.setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
				.setIterationCount(ITERATIONS)
				.build(pin);
			PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
			Map<String, X509Certificate> cas = new LinkedHashMap<>();
			for (X509Certificate ca : caCertificates) {
				cas.put(Certs.sha256Fingerprint(ca), ca);
			}
			for (KeyEntry entry : entries) {
				byte[] id = MessageDigest.getInstance("SHA-1").digest(entry.certificate().getPublicKey().getEncoded());
				DERBMPString name = new DERBMPString(entry.alias());
				builder.addData(new JcaPKCS12SafeBagBuilder(entry.certificate())
					.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name)
					.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(id))
					.build());
				builder.addData(new JcaPKCS12SafeBagBuilder(entry.privateKey(), encryptor)
					.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name)
					.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(id))
					.build());
				for (int i = 1; i < entry.chain().length; i++) {
					cas.put(Certs.sha256Fingerprint(entry.chain()[i]), entry.chain()[i]);
				}
			}
			for (X509Certificate ca : cas.values()) {
				builder.addData(new JcaPKCS12SafeBagBuilder(ca).build());
			}
			PKCS12PfxPdu pfx = builder.build(
					new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setProvider(Bc.provider())
						.setIterationCount(ITERATIONS),
					pin);
			writeAtomically(file, pfx.getEncoded("DER"));
		}
		catch (AssistantException e) {
			throw e;
		}
		catch (Exception e) {
			throw new AssistantException(Problem.TOKEN_ERROR, Msg.of(
					"无法写入软证书文件 " + file.getFileName() + "（" + e.getMessage() + "）。请检查磁盘空间和文件权限。",
					"Cannot write the soft token file " + file.getFileName() + " (" + e.getMessage()
							+ "). Check disk space and file permissions."),
					e);
		}
	}

	/** Writes a temporary file next to the target, then moves it into place. */
	public static void writeAtomically(Path target, byte[] bytes) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
		try {
			try {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system (Windows): the user's profile directory protects it
			}
			Files.write(temp, bytes);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** A soft token opened with its PIN; every change rewrites the file with the same PIN. */
	private final class Session implements TokenSession {

		private final char[] pin;

		private final List<KeyEntry> entries;

		private final List<X509Certificate> caCertificates;

		Session(char[] pin, List<KeyEntry> entries, List<X509Certificate> caCertificates) {
			this.pin = pin;
			this.entries = new ArrayList<>(entries);
			this.caCertificates = new ArrayList<>(caCertificates);
		}

		@Override
		public List<KeyEntry> keyEntries() {
			return List.copyOf(entries);
		}

		@Override
		public Provider provider() {
			return Bc.provider();
		}

		@Override
		public KeyEntry generate(String alias, KeyAlgorithm algorithm, X500Name subject) {
			for (KeyEntry entry : entries) {
				if (entry.alias().equals(alias)) {
					throw Pkcs11Token.aliasTaken(alias);
				}
			}
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyPairAlgorithm(), Bc.provider());
				if (algorithm == KeyAlgorithm.RSA) {
					generator.initialize(2048);
				}
				else {
					generator.initialize(new ECGenParameterSpec(algorithm.curve()));
				}
				KeyPair pair = generator.generateKeyPair();
				X509Certificate placeholder = Certs.placeholder(subject, pair.getPublic(), pair.getPrivate(),
						Bc.provider());
				KeyEntry entry = new KeyEntry(alias, pair.getPrivate(), new X509Certificate[] { placeholder });
				entries.add(entry);
				write(entries, caCertificates, pin);
				return entry;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void install(KeyEntry entry, X509Certificate[] chain) {
			Map<String, KeyEntry> byAlias = new HashMap<>();
			for (int i = 0; i < entries.size(); i++) {
				if (entries.get(i).alias().equals(entry.alias())) {
					entries.set(i, new KeyEntry(entry.alias(), entries.get(i).privateKey(), chain));
					byAlias.put(entry.alias(), entries.get(i));
				}
			}
			if (byAlias.isEmpty()) {
				throw new IllegalStateException("no key entry " + entry.alias());
			}
			write(entries, caCertificates, pin);
		}

		@Override
		public void delete(String alias) {
			entries.removeIf(entry -> entry.alias().equals(alias));
			write(entries, caCertificates, pin);
		}

		@Override
		public void importKey(String alias, java.security.PrivateKey key, X509Certificate[] chain) {
			entries.removeIf(entry -> entry.alias().equals(alias));
			entries.add(new KeyEntry(alias, key, chain));
			write(entries, caCertificates, pin);
		}

		@Override
		public void close() {
			Arrays.fill(pin, '\0');
		}
	}
}
