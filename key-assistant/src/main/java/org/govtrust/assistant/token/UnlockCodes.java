package org.govtrust.assistant.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.crypto.Signatures;
import org.govtrust.assistant.remote.IssuerCertificates;

/**
 * Unlocking the assistant's PIN counter with a code from the GovTrust server.
 * <p>
 * Request code: {@code <tokenId base64url>.<nonce base64url>} (16 random bytes, remembered per token). Unlock
 * code: {@code <payload base64url>.<signature base64url>}, payload
 * {@code govtrust-unlock|<tokenId>|<nonce>|<certificate serial hex>|<expiry epoch seconds>}, signed by the CA that
 * issued that certificate (its certificate comes from the AIA caIssuers URL and must verify the certificate).
 */
public final class UnlockCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

	private final PinStateStore store;

	private final Clock clock;

	public UnlockCodes(PinStateStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Issues a fresh request code (a new nonce replaces any earlier one). */
	public String request(Token token) {
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String encoded = B64URL.encodeToString(nonce);
		store.rememberNonce(token.id(), encoded);
		return B64URL.encodeToString(token.id().getBytes(StandardCharsets.UTF_8)) + "." + encoded;
	}

	/** Verifies an unlock code for the token, then resets its counter and forgets the nonce. */
	public void unlock(Token token, String code) {
		String[] parts = code == null ? new String[0] : code.trim().split("\\.");
		if (parts.length != 2) {
			throw invalid("解锁码格式不正确（应为 两段 base64url，用“.”分隔）。请完整复制服务器给出的解锁码。",
					"The unlock code is malformed (two base64url parts separated by '.'). Copy the whole code the server gave.");
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = Base64.getUrlDecoder().decode(parts[0]);
			signature = Base64.getUrlDecoder().decode(parts[1]);
		}
		catch (IllegalArgumentException e) {
			throw invalid("解锁码不是有效的 base64url。请完整复制服务器给出的解锁码。",
					"The unlock code is not valid base64url. Copy the whole code the server gave.");
		}
		String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		if (fields.length != 5 || !fields[0].equals("govtrust-unlock")) {
			throw invalid("这不是 GovTrust 解锁码。请完整复制服务器给出的解锁码。",
					"This is not a GovTrust unlock code. Copy the whole code the server gave.");
		}
		if (!fields[1].equals(token.id())) {
			throw invalid("此解锁码属于另一个令牌（" + fields[1] + "），不是 " + token.id() + "。请为正确的令牌申请解锁码。",
					"This unlock code is for another token (" + fields[1] + "), not " + token.id()
							+ ". Request a code for the right token.");
		}
		String nonce = store.nonce(token.id());
		if (nonce == null) {
			throw invalid("此令牌没有待处理的解锁请求。请先运行 unlock-request 生成请求码，再用它申请解锁码。",
					"There is no pending unlock request for this token. Run unlock-request first and use that request code.");
		}
		if (!MessageDigest.isEqual(nonce.getBytes(StandardCharsets.US_ASCII), fields[2].getBytes(StandardCharsets.UTF_8))) {
			throw invalid("解锁码与本机最近一次的请求码不匹配（可能是旧请求码的解锁码）。请用最新的请求码重新申请解锁码。",
					"The unlock code does not match this computer's latest request code (perhaps it answers an older one). "
							+ "Apply again with the latest request code.");
		}
		long expiry;
		try {
			expiry = Long.parseLong(fields[4]);
		}
		catch (NumberFormatException e) {
			throw invalid("解锁码中的有效期格式不正确。请重新申请解锁码。", "The unlock code's expiry is malformed. Apply for a new code.");
		}
		Instant now = clock.instant();
		if (now.getEpochSecond() > expiry) {
			throw invalid("解锁码已于 " + Instant.ofEpochSecond(expiry) + " 过期。请重新运行 unlock-request 并申请新的解锁码。",
					"The unlock code expired at " + Instant.ofEpochSecond(expiry)
							+ ". Run unlock-request again and apply for a new code.");
		}
		X509Certificate certificate = null;
		java.math.BigInteger serial = null;
		try {
			serial = new java.math.BigInteger(fields[3], 16); // leading zeros or upper case do not matter
		}
		catch (NumberFormatException e) {
			// no certificate has it: refused below
		}
		for (TokenCertificate candidate : token.certificates()) {
			if (!candidate.placeholder() && candidate.certificate().getSerialNumber().equals(serial)) {
				certificate = candidate.certificate();
			}
		}
		if (certificate == null) {
			throw invalid("解锁码所指的证书（序列号 " + fields[3] + "）不在此令牌上。请确认插入的是正确的 USB key / 软证书。",
					"The certificate named by the unlock code (serial " + fields[3] + ") is not on this token. Check it is "
							+ "the right USB key / soft token.");
		}
		X509Certificate issuer = IssuerCertificates.issuerOf(certificate);
		String algorithm = KeyAlgorithm.of(issuer.getPublicKey()).signatureAlgorithm();
		if (!Signatures.verify(algorithm, issuer.getPublicKey(), payload, signature)) {
			throw invalid("解锁码签名无效：它不是签发此证书的 CA 签发的。请只使用 GovTrust 服务器给出的解锁码。",
					"The unlock code's signature is invalid: it was not signed by the CA that issued this certificate. "
							+ "Use only codes from the GovTrust server.");
		}
		store.unlocked(token.id());
	}

	private static AssistantException invalid(String zh, String en) {
		return new AssistantException(Problem.UNLOCK_CODE_INVALID, Msg.of(zh + " 计数器未重置。", en + " The counter was not reset."));
	}
}
