package org.govtrust.assistant;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.Envelopes;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.crypto.Signatures;
import org.govtrust.assistant.remote.ServerClient;
import org.govtrust.assistant.token.KeyEntry;
import org.govtrust.assistant.token.PinGuard;
import org.govtrust.assistant.token.Pkcs11Token;
import org.govtrust.assistant.token.Token;
import org.govtrust.assistant.token.TokenCertificate;
import org.govtrust.assistant.token.TokenKind;
import org.govtrust.assistant.token.TokenRegistry;
import org.govtrust.assistant.token.TokenSession;
import org.govtrust.assistant.token.UnlockCodes;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What the assistant does with tokens, shared by the command line and the local endpoint. */
public final class Assistant {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TokenRegistry registry;

	private final PinGuard guard;

	private final Clock clock;

	private final UnlockCodes unlockCodes;

	public Assistant(TokenRegistry registry, PinGuard guard, Clock clock) {
		this.registry = registry;
		this.guard = guard;
		this.clock = clock;
		this.unlockCodes = new UnlockCodes(guard.store(), clock);
	}

	public TokenRegistry registry() {
		return registry;
	}

	public PinGuard guard() {
		return guard;
	}

	public Clock clock() {
		return clock;
	}

	public UnlockCodes unlockCodes() {
		return unlockCodes;
	}

	/** Login certificates of a token: placeholders and encryption certificates left out. */
	public static List<TokenCertificate> loginCertificates(Token token) {
		List<TokenCertificate> result = new ArrayList<>();
		for (TokenCertificate certificate : token.certificates()) {
			if (!certificate.placeholder() && !Envelopes.encryptionOnly(certificate.certificate())) {
				result.add(certificate);
			}
		}
		return result;
	}

	/** GET /v1/status body. */
	public ObjectNode status() {
		Instant now = clock.instant();
		ObjectNode root = Json.MAPPER.createObjectNode();
		root.put("version", Version.VERSION);
		ArrayNode tokens = root.putArray("tokens");
		for (Token token : registry.tokens()) {
			ObjectNode node = tokens.addObject();
			node.put("id", token.id());
			node.put("label", token.label());
			node.put("kind", token.kind().name());
			PinGuard.PinStatus pin = guard.status(token);
			ObjectNode pinNode = node.putObject("pin");
			pinNode.put("triesLeft", pin.triesLeft());
			pinNode.put("maxTries", pin.maxTries());
			pinNode.put("locked", pin.locked());
			ArrayNode certificates = node.putArray("certificates");
			List<TokenCertificate> list;
			try {
				list = loginCertificates(token);
			}
			catch (AssistantException e) {
				node.put("error", e.problem().name());
				node.put("message", e.msg().oneLine());
				continue;
			}
			for (TokenCertificate entry : list) {
				X509Certificate certificate = entry.certificate();
				ObjectNode c = certificates.addObject();
				c.put("alias", entry.alias());
				c.put("subject", certificate.getSubjectX500Principal().getName());
				c.put("issuer", certificate.getIssuerX500Principal().getName());
				c.put("serial", Certs.serialHex(certificate));
				c.put("notBefore", certificate.getNotBefore().toInstant().toString());
				c.put("notAfter", certificate.getNotAfter().toInstant().toString());
				c.put("renewalDue", Certs.renewalDue(certificate, now));
				c.put("certificate", Base64.getEncoder().encodeToString(Certs.der(certificate)));
			}
		}
		return root;
	}

	public record Signed(X509Certificate certificate, byte[] signature, String algorithm) {
	}

	/** Signs {@code data} with a login certificate's key (the one named, or the valid one with the latest notAfter). */
	public Signed sign(String tokenId, String alias, char[] pin, byte[] data) {
		List<Token> tokens = tokenId == null || tokenId.isBlank() ? registry.tokens() : List.of(registry.find(tokenId));
		if (tokens.isEmpty()) {
			throw AssistantException.of(Problem.TOKEN_ABSENT, "未检测到 USB key 或软证书。请插入 USB key（或配置软证书文件）后重试。",
					"No USB key or soft token found. Plug in the USB key (or configure the soft token file) and retry.");
		}
		Token chosenToken = null;
		TokenCertificate chosen = null;
		Instant now = clock.instant();
		for (Token token : tokens) {
			List<TokenCertificate> certificates = loginCertificates(token);
			TokenCertificate candidate = null;
			if (alias != null && !alias.isBlank()) {
				for (TokenCertificate certificate : certificates) {
					if (certificate.alias().equals(alias)) {
						candidate = certificate;
					}
				}
			}
			else {
				candidate = TokenRegistry.bestCertificate(certificates, now);
			}
			if (candidate != null && (chosen == null
					|| candidate.certificate().getNotAfter().after(chosen.certificate().getNotAfter()))) {
				chosen = candidate;
				chosenToken = token;
			}
		}
		if (chosen == null) {
			throw noCertificate(alias);
		}
		if (pin == null || pin.length == 0) {
			throw AssistantException.of(Problem.BAD_REQUEST, "请输入 PIN 码。", "Enter the PIN.");
		}
		try (TokenSession session = guard.open(chosenToken, pin)) {
			KeyEntry entry = entryFor(session, chosen.certificate());
			String algorithm = KeyAlgorithm.of(chosen.certificate().getPublicKey()).signatureAlgorithm();
			byte[] signature = Signatures.sign(algorithm, entry.privateKey(), session.provider(), data);
			return new Signed(chosen.certificate(), signature, algorithm);
		}
	}

	private static AssistantException noCertificate(String alias) {
		if (alias != null && !alias.isBlank()) {
			return AssistantException.of(Problem.NO_CERTIFICATE, "令牌上没有别名为 " + alias + " 的证书。请用 list 命令查看证书别名。",
					"No certificate with alias " + alias + " on the token. The list command shows the aliases.");
		}
		return AssistantException.of(Problem.NO_CERTIFICATE,
				"令牌上没有当前有效的证书（可能尚未安装、已过期或尚未生效）。请运行 diagnose 查看原因；证书过期请到 GovTrust 企业页面（/enterprise）办理更新。",
				"No currently valid certificate on the token (not installed, expired or not yet valid). Run diagnose to "
						+ "see why; renew an expired certificate on the GovTrust enterprise page (/enterprise).");
	}

	private static KeyEntry entryFor(TokenSession session, X509Certificate certificate) {
		for (KeyEntry entry : session.keyEntries()) {
			if (Certs.samePublicKey(entry.certificate().getPublicKey(), certificate.getPublicKey())) {
				return entry;
			}
		}
		throw AssistantException.of(Problem.NO_CERTIFICATE, "证书 " + Certs.serialHex(certificate) + " 在令牌上没有对应的私钥。请重新安装证书或联系 CA。",
				"Certificate " + Certs.serialHex(certificate) + " has no private key on the token. Reinstall the "
						+ "certificate or contact the CA.");
	}

	/** A new alias: key-yyyyMMdd-xxxxxx. */
	public String newAlias() {
		byte[] random = new byte[3];
		RANDOM.nextBytes(random);
		return "key-" + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(clock.instant()) + "-"
				+ HexFormat.of().formatHex(random);
	}

	public record KeygenResult(String alias, KeyAlgorithm algorithm, String csrPem, Pkcs11Token.KeyProtection protection) {
	}

	/** Generates a key pair on the token, stores it with a placeholder, and returns a CSR signed by it. */
	public KeygenResult keygen(Token token, char[] pin, String alias, KeyAlgorithm algorithm,
			org.bouncycastle.asn1.x500.X500Name subject) {
		String name = alias == null || alias.isBlank() ? newAlias() : alias;
		try (TokenSession session = guard.open(token, pin)) {
			KeyEntry entry = session.generate(name, algorithm, subject);
			PKCS10CertificationRequest csr = Certs.csr(subject, entry.certificate().getPublicKey(), entry.privateKey(),
					session.provider());
			Pkcs11Token.KeyProtection protection = null;
			if (token instanceof Pkcs11Token pkcs11) {
				protection = pkcs11.keyProtection(name);
				if (protection == null || !protection.tokenObject() || !protection.sensitive()
						|| protection.extractable()) {
					session.delete(name);
					throw AssistantException.of(Problem.TOKEN_ERROR,
							"USB key 生成的私钥不是“敏感且不可导出”的令牌对象，已删除该密钥。此 USB key 不适合存放法人证书，请联系 CA。",
							"The USB key did not make the private key a sensitive, non-extractable token object; the key "
									+ "was deleted. This USB key is not fit for a legal-person certificate: contact the CA.");
				}
			}
			return new KeygenResult(name, algorithm, Certs.csrPem(csr), protection);
		}
	}

	/**
	 * What install did.
	 *
	 * @param alias the key entry the certificate went on
	 * @param certificate the certificate
	 * @param chainLength certificates in its chain
	 * @param encryptionAlias for an SM2 dual pair, where the encryption key and certificate went; else null
	 */
	public record InstallResult(String alias, X509Certificate certificate, int chainLength, String encryptionAlias) {
	}

	/**
	 * Installs an issued certificate (and chain) on the key entry whose public key it carries;
	 * for an SM2 dual pair, also opens the encryption key's envelope with that key and stores
	 * the encryption key and certificate beside it.
	 */
	public InstallResult install(Token token, char[] pin, byte[] certificateFile, String alias) {
		List<X509Certificate> certificates = Certs.parseAll(certificateFile);
		byte[] envelope = Envelopes.find(certificateFile);
		X509Certificate encryption = null;
		for (X509Certificate certificate : certificates) {
			if (Certs.isEndEntity(certificate) && Envelopes.encryptionOnly(certificate)) {
				encryption = certificate;
			}
		}
		if ((encryption == null) != (envelope == null)) {
			throw AssistantException.of(Problem.BAD_REQUEST,
					"双证书文件不完整：加密证书和它的密钥数字信封必须在同一个文件中。请重新下载证书文件。",
					"The dual-certificate file is incomplete: the encryption certificate and its key's envelope must be "
							+ "in the same file. Download the certificate file again.");
		}
		if (encryption != null && token.kind() != TokenKind.PKCS12) {
			// a USB key's PKCS#11 driver cannot open an SM2 envelope with its (sensitive) signing key
			throw Envelopes.usbKeyCannotImport();
		}
		try (TokenSession session = guard.open(token, pin)) {
			for (KeyEntry entry : session.keyEntries()) {
				if (alias != null && !alias.isBlank() && !entry.alias().equals(alias)) {
					continue;
				}
				for (X509Certificate certificate : certificates) {
					if (Certs.isEndEntity(certificate) && certificate != encryption
							&& Certs.samePublicKey(entry.certificate().getPublicKey(), certificate.getPublicKey())) {
						List<X509Certificate> others = new ArrayList<>(certificates);
						others.remove(certificate);
						others.remove(encryption);
						X509Certificate[] chain = chain(certificate, others);
						String encryptionAlias = null;
						if (encryption != null) {
							// open first: a bad envelope leaves the token as it was
							java.security.PrivateKey key = Envelopes.open(entry.privateKey(), envelope, encryption);
							encryptionAlias = entry.alias() + "-enc";
							session.importKey(encryptionAlias, key, chain(encryption, others));
						}
						session.install(entry, chain);
						return new InstallResult(entry.alias(), certificate, chain.length, encryptionAlias);
					}
				}
			}
		}
		throw AssistantException.of(Problem.NO_MATCHING_KEY,
				"证书的公钥与令牌 " + token.id() + " 上的任何密钥都不匹配，未安装。请确认这是用此令牌 keygen 生成的 CSR 所签发的证书，并插入了正确的 USB key。",
				"The certificate's public key matches no key on token " + token.id() + "; nothing was installed. Check "
						+ "it was issued for a CSR made by keygen on this token, and that the right USB key is plugged in.");
	}

	private static X509Certificate[] chain(X509Certificate leaf, List<X509Certificate> others) {
		return Certs.chain(leaf, others);
	}

	public record RenewResult(String oldAlias, String newAlias, X509Certificate certificate) {
	}

	/** Renews a certificate in its renewal window: new key on the token, CSR with the same subject, old key proves possession. */
	public RenewResult renew(Token token, char[] pin, String alias, ServerClient server) {
		Instant now = clock.instant();
		try (TokenSession session = guard.open(token, pin)) {
			KeyEntry current = null;
			for (KeyEntry entry : session.keyEntries()) {
				// an encryption key (SM2 dual pair) never proves anything: it was escrowed
				if (Certs.isPlaceholder(entry.certificate()) || Envelopes.encryptionOnly(entry.certificate())) {
					continue;
				}
				if (alias != null && !alias.isBlank()) {
					if (entry.alias().equals(alias)) {
						current = entry;
					}
				}
				else if (current == null || entry.certificate().getNotAfter().after(current.certificate().getNotAfter())) {
					current = entry;
				}
			}
			if (current == null) {
				throw noCertificate(alias);
			}
			X509Certificate old = current.certificate();
			if (!Certs.renewalDue(old, now)) {
				Instant opens = old.getNotAfter().toInstant().minus(java.time.Duration.ofDays(Certs.RENEWAL_WINDOW_DAYS));
				throw AssistantException.of(Problem.RENEWAL_NOT_DUE,
						"证书 " + current.alias() + " 有效期至 " + old.getNotAfter().toInstant() + "，还不需要更新。可从 " + opens + " 起更新（到期前 "
								+ Certs.RENEWAL_WINDOW_DAYS + " 天内）。",
						"Certificate " + current.alias() + " is valid until " + old.getNotAfter().toInstant()
								+ "; it does not need renewal yet. Renewal opens at " + opens + " ("
								+ Certs.RENEWAL_WINDOW_DAYS + " days before expiry).");
			}
			KeyAlgorithm algorithm = KeyAlgorithm.of(old.getPublicKey());
			String newAlias = newAlias();
			KeyEntry fresh = session.generate(newAlias, algorithm, Certs.subjectOf(old));
			ServerClient.Renewal renewal;
			try {
				PKCS10CertificationRequest csr = Certs.csr(Certs.subjectOf(old), fresh.certificate().getPublicKey(),
						fresh.privateKey(), session.provider());
				byte[] csrDer = csr.getEncoded();
				byte[] proof = Signatures.sign(algorithm.signatureAlgorithm(), current.privateKey(), session.provider(), csrDer);
				renewal = server.renew(Certs.csrPem(csr), old, proof, algorithm.signatureAlgorithm());
			}
			catch (IOException e) {
				session.delete(newAlias);
				throw new IllegalStateException(e);
			}
			catch (RuntimeException e) {
				session.delete(newAlias); // the server issued nothing: leave no half-renewed key behind
				throw e;
			}
			// the server has issued and superseded the old certificate: from here the new key is
			// the enterprise's only one and is kept whatever fails
			try {
				if (!Certs.samePublicKey(renewal.certificate().getPublicKey(), fresh.certificate().getPublicKey())) {
					throw AssistantException.of(Problem.SERVER_ERROR, "服务器返回的新证书与新生成的密钥不匹配，未安装。请联系 GovTrust 客服。",
							"The server's new certificate does not match the new key; it was not installed. Contact GovTrust support.");
				}
				List<X509Certificate> chain = new ArrayList<>();
				chain.add(renewal.certificate());
				chain.addAll(renewal.chain());
				if (renewal.encryption() != null) {
					// SM2 dual pair: the new encryption key comes in an envelope for the new signing key
					byte[] part = renewal.encryption().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
					X509Certificate encryption = Certs.parseAll(part).get(0);
					byte[] envelope = Envelopes.find(part);
					if (envelope == null || !Envelopes.encryptionOnly(encryption)) {
						throw AssistantException.of(Problem.SERVER_ERROR, "服务器返回的加密证书不完整，未安装。请联系 GovTrust 客服。",
								"The server's encryption certificate is incomplete; it was not installed. Contact GovTrust support.");
					}
					List<X509Certificate> encryptionChain = new ArrayList<>(List.of(encryption));
					encryptionChain.addAll(renewal.chain());
					session.importKey(newAlias + "-enc", Envelopes.open(fresh.privateKey(), envelope, encryption),
							encryptionChain.toArray(new X509Certificate[0]));
				}
				session.install(fresh, chain.toArray(new X509Certificate[0]));
				return new RenewResult(current.alias(), newAlias, renewal.certificate());
			}
			catch (RuntimeException e) {
				String serial = Certs.serialHex(renewal.certificate());
				throw new AssistantException(Problem.SERVER_ERROR, Msg.of(
						"服务器已签发新证书（序列号 " + serial + "），但安装到令牌时失败。新密钥已保留在令牌上（别名 " + newAlias
								+ "）。请在 GovTrust 企业证书页面下载该证书，再运行 install --token " + token.id() + " --cert 证书文件。",
						"The server issued the new certificate (serial " + serial + ") but installing it on the token failed. "
								+ "The new key is kept on the token (alias " + newAlias + "). Download the certificate from the "
								+ "GovTrust enterprise certificate page and run install --token " + token.id()
								+ " --cert CERT_FILE."), e);
			}
		}
	}
}
