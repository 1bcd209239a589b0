package org.govtrust.assistant.diagnose;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.govtrust.assistant.Assistant;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Version;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.remote.IssuerCertificates;
import org.govtrust.assistant.remote.ServerClient;
import org.govtrust.assistant.token.PinGuard;
import org.govtrust.assistant.token.Token;
import org.govtrust.assistant.token.TokenCertificate;
import org.govtrust.assistant.token.TokenRegistry;

/**
 * Why does certificate login fail? Seven checks, in order, each OK / WARN / FAIL (SKIP when an earlier failure
 * makes it meaningless) with the exact remedy.
 */
public final class Diagnosis {

	public enum Level {
		OK, WARN, FAIL, SKIP
	}

	public record Step(int number, Msg name, Level level, Msg detail) {
	}

	private final Assistant assistant;

	private final ServerClient server;

	public Diagnosis(Assistant assistant, ServerClient server) {
		this.assistant = assistant;
		this.server = server;
	}

	public static boolean passed(List<Step> steps) {
		return steps.stream().noneMatch(step -> step.level() == Level.FAIL);
	}

	public List<Step> run(String tokenId, String alias) {
		List<Step> steps = new ArrayList<>();
		Instant now = assistant.clock().instant();
		String enterprise = server.server() + "/enterprise";

		// 1. token present
		Msg name1 = Msg.of("令牌是否连接", "Token present");
		Token token = null;
		List<Token> tokens = assistant.registry().tokens();
		if (tokenId == null || tokenId.isBlank()) {
			if (tokens.size() == 1) {
				token = tokens.get(0);
			}
		}
		else {
			token = tokens.stream().filter(t -> t.id().equals(tokenId)).findFirst().orElse(null);
		}
		if (token == null) {
			boolean unnamed = tokenId == null || tokenId.isBlank();
			Msg detail;
			if (unnamed && tokens.size() > 1) {
				detail = Msg.of("有多个令牌，请用 --token 指定其中一个（用 list 查看令牌 ID）。",
						"Several tokens are present: name one with --token (list shows their ids).");
			}
			else if (unnamed) {
				detail = Msg.of("未检测到 USB key 或软证书。请插入 USB key（或用 --pkcs12 指定软证书文件）后重试。",
						"No USB key or soft token found. Plug in the USB key (or name the soft token file with --pkcs12) and retry.");
			}
			else {
				detail = TokenRegistry.absent(tokenId, tokens).msg();
			}
			steps.add(new Step(1, name1, Level.FAIL, detail));
			for (int i = 2; i <= 5; i++) {
				steps.add(skipped(i));
			}
		}
		else {
			steps.add(new Step(1, name1, Level.OK,
					Msg.of("已找到令牌 " + token.id() + "（" + token.label() + "）。", "Token " + token.id() + " (" + token.label()
							+ ") is present.")));
			steps.add(pinStep(token));
			X509Certificate certificate = certificateStep(token, alias, now, enterprise, steps);
			if (certificate == null) {
				steps.add(skipped(4));
				steps.add(skipped(5));
			}
			else {
				X509Certificate issuer = null;
				AssistantException issuerProblem = null;
				try {
					issuer = IssuerCertificates.issuerOf(certificate);
				}
				catch (AssistantException e) {
					issuerProblem = e;
				}
				steps.add(revocationStep(certificate, issuer, now, enterprise));
				steps.add(chainStep(certificate, issuer, issuerProblem, now));
			}
		}

		// 6. server reachable, 7. version
		ServerClient.AssistantInfo info = null;
		try {
			info = server.assistantInfo();
			steps.add(new Step(6, Msg.of("GovTrust 服务器是否可达", "GovTrust server reachable"), Level.OK,
					Msg.of("服务器 " + server.server() + " 可以访问。", "Server " + server.server() + " answers.")));
		}
		catch (AssistantException e) {
			steps.add(new Step(6, Msg.of("GovTrust 服务器是否可达", "GovTrust server reachable"), Level.FAIL,
					Msg.of(e.msg().zh() + " 请确认 --server 地址（" + server.server() + "）正确。",
							e.msg().en() + " Check the --server address (" + server.server() + ").")));
		}
		steps.add(versionStep(info));
		return steps;
	}

	private static Step skipped(int number) {
		Msg[] names = { null, null, Msg.of("PIN 状态", "PIN state"), Msg.of("证书有效期", "Certificate validity"),
				Msg.of("证书是否被吊销", "Revocation"), Msg.of("证书链", "Certificate chain") };
		return new Step(number, names[number], Level.SKIP, Msg.of("因前面的检查失败而跳过。", "Skipped: an earlier check failed."));
	}

	private Step pinStep(Token token) {
		Msg name = Msg.of("PIN 状态", "PIN state");
		PinGuard.PinStatus pin = assistant.guard().status(token);
		if (pin.locked()) {
			Msg why = PinGuard.locked(token, pin.lockedByToken()).msg();
			return new Step(2, name, Level.FAIL, why);
		}
		if (pin.triesLeft() < pin.maxTries() || pin.countLow()) {
			return new Step(2, name, Level.WARN, Msg.of(
					"之前输错过 PIN：还可尝试 " + pin.triesLeft() + "/" + pin.maxTries() + " 次。输入正确的 PIN 后次数会恢复；不确定 PIN 时请先停止尝试。",
					"A wrong PIN was entered before: " + pin.triesLeft() + "/" + pin.maxTries() + " tries left. A correct "
							+ "PIN restores them; if unsure of the PIN, stop trying."));
		}
		return new Step(2, name, Level.OK, Msg.of("PIN 未锁定（剩余 " + pin.triesLeft() + "/" + pin.maxTries() + " 次）。",
				"PIN not locked (" + pin.triesLeft() + "/" + pin.maxTries() + " tries left)."));
	}

	private X509Certificate certificateStep(Token token, String alias, Instant now, String enterprise, List<Step> steps) {
		Msg name = Msg.of("证书有效期", "Certificate validity");
		List<TokenCertificate> certificates;
		try {
			certificates = Assistant.loginCertificates(token);
		}
		catch (AssistantException e) {
			steps.add(new Step(3, name, Level.FAIL, e.msg()));
			return null;
		}
		TokenCertificate chosen = null;
		for (TokenCertificate candidate : certificates) {
			if (alias != null && !alias.isBlank()) {
				if (candidate.alias().equals(alias)) {
					chosen = candidate;
				}
			}
			else if (chosen == null) {
				chosen = candidate;
			}
		}
		if (alias == null || alias.isBlank()) {
			TokenCertificate best = TokenRegistry.bestCertificate(certificates, now);
			if (best != null) {
				chosen = best;
			}
			else {
				for (TokenCertificate candidate : certificates) {
					if (chosen == null || candidate.certificate().getNotAfter().after(chosen.certificate().getNotAfter())) {
						chosen = candidate;
					}
				}
			}
		}
		if (chosen == null) {
			steps.add(new Step(3, name, Level.FAIL, alias != null && !alias.isBlank()
					? Msg.of("令牌上没有别名为 " + alias + " 的证书。请用 list 查看证书别名。",
							"No certificate with alias " + alias + " on the token. The list command shows the aliases.")
					: Msg.of("令牌上没有已安装的证书。请在 " + enterprise + " 申请证书：先 keygen 生成 CSR，签发后用 install 安装。",
							"No certificate is installed on the token. Apply at " + enterprise
									+ ": make a CSR with keygen, and install the issued certificate with install.")));
			return null;
		}
		X509Certificate certificate = chosen.certificate();
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		String which = chosen.alias() + "（序列号 " + Certs.serialHex(certificate) + "）";
		String whichEn = chosen.alias() + " (serial " + Certs.serialHex(certificate) + ")";
		if (now.isBefore(notBefore)) {
			steps.add(new Step(3, name, Level.FAIL, Msg.of(
					"证书 " + which + " 尚未生效，生效时间 " + notBefore + "。请检查电脑的日期和时间是否正确，或等到生效后再登录。",
					"Certificate " + whichEn + " is not valid yet; it becomes valid at " + notBefore
							+ ". Check the computer's date and time, or log in after that.")));
		}
		else if (now.isAfter(notAfter)) {
			steps.add(new Step(3, name, Level.FAIL, Msg.of(
					"证书 " + which + " 已于 " + notAfter + " 过期，无法登录。请到 " + enterprise + " 办理证书更新（或到 CA 柜台）。",
					"Certificate " + whichEn + " expired at " + notAfter + " and cannot log in. Renew it at " + enterprise
							+ " (or at the CA counter).")));
		}
		else if (Certs.renewalDue(certificate, now)) {
			long days = Certs.daysLeft(certificate, now);
			steps.add(new Step(3, name, Level.WARN, Msg.of(
					"证书 " + which + " 将在 " + days + " 天后（" + notAfter + "）到期，请尽快更新：运行 key-assistant renew --token "
							+ token.id() + " --server " + server.server() + "，或到 " + enterprise + " 办理。",
					"Certificate " + whichEn + " expires in " + days + " days (" + notAfter + "); renew it soon: run "
							+ "key-assistant renew --token " + token.id() + " --server " + server.server() + ", or go to "
							+ enterprise + ".")));
		}
		else {
			steps.add(new Step(3, name, Level.OK, Msg.of(
					"证书 " + which + " 有效，至 " + notAfter + "（还有 " + Certs.daysLeft(certificate, now) + " 天）。",
					"Certificate " + whichEn + " is valid until " + notAfter + " (" + Certs.daysLeft(certificate, now)
							+ " days left).")));
		}
		return certificate;
	}

	private Step revocationStep(X509Certificate certificate, X509Certificate issuer, Instant now, String enterprise) {
		Msg name = Msg.of("证书是否被吊销（OCSP 与 CRL）", "Revocation (OCSP and CRL)");
		List<String> ocspUrls = Certs.ocspUrls(certificate);
		List<String> crlUrls = Certs.crlUrls(certificate);
		if (ocspUrls.isEmpty() && crlUrls.isEmpty()) {
			return new Step(4, name, Level.WARN, Msg.of("证书中没有 OCSP 或 CRL 地址，无法检查吊销状态。如登录被拒，请联系 CA。",
					"The certificate names no OCSP or CRL address, so revocation cannot be checked. If login is refused, "
							+ "contact the CA."));
		}
		if (issuer == null) {
			return new Step(4, name, Level.WARN, Msg.of("取不到签发 CA 的证书，无法验证 OCSP/CRL 应答（见第 5 项）。",
					"The issuing CA's certificate is unavailable, so OCSP/CRL answers cannot be verified (see check 5)."));
		}
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		boolean revoked = false;
		boolean unknown = false;
		boolean checked = false;
		boolean stale = false;
		Revocation.Result revocation = null;
		for (String url : ocspUrls) {
			Revocation.Result result = Revocation.ocsp(certificate, issuer, url, now);
			switch (result.state()) {
				case GOOD -> {
					checked = true;
					zh.append("OCSP：正常（未吊销）。");
					en.append("OCSP: good (not revoked). ");
				}
				case REVOKED -> {
					revoked = true;
					revocation = result;
					zh.append("OCSP：已吊销。");
					en.append("OCSP: revoked. ");
				}
				case UNKNOWN -> {
					unknown = true;
					zh.append("OCSP：CA 不认识此证书（unknown）。");
					en.append("OCSP: the CA does not know this certificate (unknown). ");
				}
				case UNCHECKED -> {
					zh.append("OCSP：").append(result.problemZh()).append("。");
					en.append("OCSP: ").append(result.problemEn()).append(". ");
				}
			}
			stale |= result.stale();
			if (result.state() != Revocation.State.UNCHECKED) {
				break;
			}
		}
		for (String url : crlUrls) {
			Revocation.Result result = Revocation.crl(certificate, issuer, url, now);
			switch (result.state()) {
				case GOOD -> {
					checked = true;
					zh.append("CRL：未列入吊销列表").append(result.stale() ? "（但 CRL 已过期，未及时更新）" : "").append("。");
					en.append("CRL: not listed").append(result.stale() ? " (but the CRL is past its nextUpdate)" : "").append(". ");
				}
				case REVOKED -> {
					revoked = true;
					revocation = revocation == null ? result : revocation;
					zh.append("CRL：已列入吊销列表。");
					en.append("CRL: listed as revoked. ");
				}
				default -> {
					zh.append("CRL：").append(result.problemZh()).append("。");
					en.append("CRL: ").append(result.problemEn()).append(". ");
				}
			}
			stale |= result.stale();
			if (result.state() != Revocation.State.UNCHECKED) {
				break;
			}
		}
		if (revoked) {
			String reasonZh = revocation.reason() == null ? "" : "，原因：" + revocation.reason();
			String reasonEn = revocation.reason() == null ? "" : ", reason: " + revocation.reason();
			return new Step(4, name, Level.FAIL, Msg.of(
					zh + " 证书已于 " + revocation.revokedAt() + " 被吊销" + reasonZh + "，不能再用于登录。请到 " + enterprise
							+ " 或 CA 柜台重新申请证书。",
					en + "The certificate was revoked at " + revocation.revokedAt() + reasonEn + " and can no longer log "
							+ "in. Apply for a new certificate at " + enterprise + " or the CA counter."));
		}
		if (unknown) {
			return new Step(4, name, Level.FAIL, Msg.of(zh + " CA 的 OCSP 服务不认识此证书，服务器可能拒绝登录。请联系 CA 核实证书。",
					en + "The CA's OCSP responder does not know this certificate; the server may refuse the login. Ask the "
							+ "CA to check the certificate."));
		}
		if (!checked) {
			return new Step(4, name, Level.WARN, Msg.of(zh + " 无法确认吊销状态。请检查网络后重试；仍失败请联系 CA。",
					en + "Revocation could not be confirmed. Check the network and retry; if it persists, contact the CA."));
		}
		if (stale) {
			return new Step(4, name, Level.WARN, Msg.of(zh + " 吊销信息已过期（CA 未按时更新），登录可能被拒。请联系 CA。",
					en + "Revocation data is out of date (the CA did not update it in time); login may be refused. Contact the CA."));
		}
		return new Step(4, name, Level.OK, Msg.of(zh.toString().trim(), en.toString().trim()));
	}

	private Step chainStep(X509Certificate certificate, X509Certificate issuer, AssistantException problem, Instant now) {
		Msg name = Msg.of("证书链（签发 CA）", "Certificate chain (issuing CA)");
		if (issuer == null) {
			return new Step(5, name, Level.FAIL, problem == null
					? Msg.of("取不到签发 CA 的证书。", "The issuing CA's certificate is unavailable.") : problem.msg());
		}
		String subject = issuer.getSubjectX500Principal().getName();
		if (!Certs.isValidAt(issuer, now)) {
			return new Step(5, name, Level.FAIL, Msg.of("签发 CA 证书（" + subject + "）不在有效期内（至 " + issuer.getNotAfter().toInstant()
					+ "）。请联系 CA。", "The issuing CA certificate (" + subject + ") is not within its validity (until "
							+ issuer.getNotAfter().toInstant() + "). Contact the CA."));
		}
		return new Step(5, name, Level.OK, Msg.of("证书由 " + subject + " 签发，签名验证通过。",
				"Issued by " + subject + "; the signature verifies."));
	}

	private static Step versionStep(ServerClient.AssistantInfo info) {
		Msg name = Msg.of("助手版本", "Assistant version");
		if (info == null) {
			return new Step(7, name, Level.SKIP, Msg.of("服务器不可达，无法比较版本（当前 " + Version.VERSION + "）。",
					"The server is unreachable, so the version cannot be compared (this is " + Version.VERSION + ")."));
		}
		String download = info.download().isBlank() ? "" : info.download();
		if (!info.minimumVersion().isBlank() && Version.compare(Version.VERSION, info.minimumVersion()) < 0) {
			return new Step(7, name, Level.FAIL, Msg.of(
					"助手版本 " + Version.VERSION + " 太旧，服务器要求至少 " + info.minimumVersion() + "。请下载安装新版本："
							+ download,
					"Assistant version " + Version.VERSION + " is too old; the server requires at least "
							+ info.minimumVersion() + ". Download and install the new version: " + download));
		}
		if (!info.latestVersion().isBlank() && Version.compare(Version.VERSION, info.latestVersion()) < 0) {
			return new Step(7, name, Level.WARN, Msg.of(
					"有新版本 " + info.latestVersion() + "（当前 " + Version.VERSION + "，仍可使用）。建议更新：" + download,
					"A newer version " + info.latestVersion() + " is available (this is " + Version.VERSION
							+ ", still supported). Update when convenient: " + download));
		}
		return new Step(7, name, Level.OK, Msg.of("助手版本 " + Version.VERSION + " 是最新版本。",
				"Assistant version " + Version.VERSION + " is up to date."));
	}
}
