package org.govtrust.assistant.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.govtrust.assistant.Assistant;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.Version;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.diagnose.Diagnosis;
import org.govtrust.assistant.http.LocalServer;
import org.govtrust.assistant.remote.ServerClient;
import org.govtrust.assistant.token.PinGuard;
import org.govtrust.assistant.token.PinStateStore;
import org.govtrust.assistant.token.SoftToken;
import org.govtrust.assistant.token.Token;
import org.govtrust.assistant.token.TokenCertificate;
import org.govtrust.assistant.token.TokenKind;
import org.govtrust.assistant.token.TokenRegistry;
import org.govtrust.assistant.token.TokenSession;

/** The command line: {@code java -jar key-assistant.jar <command> [options]}. Every message in Chinese, then English. */
public final class Cli {

	public static final int OK = 0;

	public static final int FAILED = 1;

	public static final int USAGE = 2;

	private final PrintStream out;

	private final PrintStream err;

	private final InputStream in;

	private final Map<String, String> env;

	private final Clock clock;

	private BufferedReader stdin;

	public Cli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Clock clock) {
		this.out = out;
		this.err = err;
		this.in = in;
		this.env = env;
		this.clock = clock;
	}

	public int run(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (AssistantException e) {
			error(e);
			return USAGE;
		}
		List<String> words = options.words();
		if (words.isEmpty() || words.get(0).equals("help") || options.flag("help")) {
			help();
			return words.isEmpty() ? USAGE : OK;
		}
		try {
			return switch (words.get(0)) {
				case "version" -> version();
				case "list" -> list(options);
				case "show" -> show(options);
				case "pin" -> pin(options, words.size() > 1 ? words.get(1) : "");
				case "export" -> export(options);
				case "keygen" -> keygen(options);
				case "install" -> install(options);
				case "unlock-request" -> unlockRequest(options);
				case "unlock" -> unlock(options);
				case "renew" -> renew(options);
				case "diagnose" -> diagnose(options);
				case "serve" -> serve(options);
				case "init-soft-token" -> initSoftToken(options);
				default -> {
					error(AssistantException.of(Problem.BAD_REQUEST, "未知命令 " + words.get(0) + "。运行 help 查看所有命令。",
							"Unknown command " + words.get(0) + ". Run help to see every command."));
					yield USAGE;
				}
			};
		}
		catch (AssistantException e) {
			error(e);
			return FAILED;
		}
		catch (UncheckedIOException e) {
			error(new AssistantException(Problem.TOKEN_ERROR, Msg.of("文件读写失败：" + e.getMessage() + "。请检查路径和权限。",
					"File access failed: " + e.getMessage() + ". Check the path and permissions."), e));
			return FAILED;
		}
		catch (RuntimeException e) {
			String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			error(new AssistantException(Problem.TOKEN_ERROR, Msg.of("意外错误（" + what + "）。请重新插拔 USB key 后重试；仍失败请运行 diagnose 并联系客服。",
					"Unexpected error (" + what + "). Re-plug the USB key and retry; if it persists, run diagnose and contact support."), e));
			return FAILED;
		}
	}

	// --- commands ---

	private int version() {
		say("GovTrust 证书助手 版本 " + Version.VERSION, "GovTrust key assistant version " + Version.VERSION);
		return OK;
	}

	private int list(Options options) {
		Assistant assistant = assistant(options);
		List<Token> tokens = assistant.registry().tokens();
		Instant now = clock.instant();
		for (String problem : assistant.registry().problems()) {
			out.println("注意 Note: " + problem);
		}
		if (tokens.isEmpty()) {
			say("未检测到令牌。请插入 USB key，或用 --pkcs12 指定软证书文件（也可用 --pkcs11-library 指定 USB key 驱动）。",
					"No token found. Plug in the USB key, or name a soft token file with --pkcs12 (or the USB key driver "
							+ "with --pkcs11-library).");
			return OK;
		}
		for (Token token : tokens) {
			PinGuard.PinStatus pin = assistant.guard().status(token);
			out.println("令牌 Token: " + token.id() + "  标签 label: " + token.label() + "  类型 kind: " + token.kind());
			out.println("  PIN: 剩余 " + pin.triesLeft() + "/" + pin.maxTries() + " 次 tries left"
					+ (pin.locked() ? "  已锁定 LOCKED (" + (pin.lockedByToken() ? "由 USB key by the USB key" : "由助手 by the assistant") + ")" : "")
					+ (pin.countLow() ? "  USB key 报告曾输错 PIN the USB key reports wrong PINs" : ""));
			List<TokenCertificate> certificates;
			try {
				certificates = token.certificates();
			}
			catch (AssistantException e) {
				out.println("  " + e.msg().oneLine());
				continue;
			}
			if (certificates.isEmpty()) {
				out.println("  证书 Certificates: 无 none");
			}
			for (TokenCertificate entry : certificates) {
				X509Certificate certificate = entry.certificate();
				if (entry.placeholder()) {
					out.println("  - " + entry.alias() + ": 待安装证书的密钥（已生成 CSR） key awaiting its certificate (CSR made)");
					continue;
				}
				long days = Certs.daysLeft(certificate, now);
				String expiry = now.isAfter(certificate.getNotAfter().toInstant()) ? "已过期 EXPIRED"
						: now.isBefore(certificate.getNotBefore().toInstant()) ? "尚未生效 not yet valid"
								: "还有 " + days + " 天到期 expires in " + days + " days";
				out.println("  - " + entry.alias());
				out.println("      主题 Subject: " + certificate.getSubjectX500Principal().getName());
				out.println("      序列号 Serial: " + Certs.serialHex(certificate));
				out.println("      有效期 Validity: " + certificate.getNotBefore().toInstant() + " — "
						+ certificate.getNotAfter().toInstant());
				out.println("      " + expiry + (Certs.renewalDue(certificate, now) ? "  需要更新 renewal due" : ""));
			}
		}
		return OK;
	}

	private int show(Options options) {
		Assistant assistant = assistant(options);
		Token token = token(assistant, options);
		TokenCertificate entry = certificate(token, options.get("alias"));
		X509Certificate certificate = entry.certificate();
		Instant now = clock.instant();
		out.println("令牌 Token: " + token.id() + "  别名 Alias: " + entry.alias());
		out.println("主题 Subject: " + certificate.getSubjectX500Principal().getName());
		out.println("颁发者 Issuer: " + certificate.getIssuerX500Principal().getName());
		out.println("序列号 Serial: " + Certs.serialHex(certificate));
		out.println("有效期起 Not before: " + certificate.getNotBefore().toInstant());
		out.println("有效期至 Not after: " + certificate.getNotAfter().toInstant() + "  (" + Certs.daysLeft(certificate, now)
				+ " 天 days" + (Certs.renewalDue(certificate, now) ? ", 需要更新 renewal due" : "") + ")");
		KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey());
		out.println("密钥算法 Key algorithm: " + algorithm.description() + "  签名算法 signature: " + algorithm.signatureAlgorithm());
		out.println("密钥用法 Key usage: " + String.join(", ", Certs.keyUsage(certificate)));
		String creditCode = Certs.creditCode(certificate);
		out.println("统一社会信用代码 Unified social credit code (" + Certs.CREDIT_CODE_OID + "): "
				+ (creditCode == null ? "无 none" : creditCode));
		out.println("CRL 分发点 CRL distribution points: " + listOrNone(Certs.crlUrls(certificate)));
		out.println("OCSP 地址 OCSP: " + listOrNone(Certs.ocspUrls(certificate)));
		out.println("CA 证书地址 CA issuers: " + listOrNone(Certs.caIssuerUrls(certificate)));
		out.println("SHA-256 指纹 fingerprint: " + Certs.sha256Fingerprint(certificate));
		if (entry.placeholder()) {
			say("这是 keygen 生成的临时占位证书，不能用于登录。请把 CSR 提交给 CA，签发后用 install 安装。",
					"This is keygen's temporary placeholder, not a login certificate. Send the CSR to the CA and install the "
							+ "issued certificate with install.");
		}
		return OK;
	}

	private int pin(Options options, String action) {
		Assistant assistant = assistant(options);
		PinGuard guard = assistant.guard();
		switch (action) {
			case "verify" -> {
				Token token = token(assistant, options);
				char[] pin = pin(options, "pin", "请输入 PIN：", "Enter the PIN: ");
				try (TokenSession session = guard.open(token, pin)) {
					say("PIN 正确。", "The PIN is correct.");
				}
			}
			case "change" -> {
				Token token = token(assistant, options);
				char[] old = pin(options, "pin", "请输入当前 PIN：", "Enter the current PIN: ");
				char[] fresh = pin(options, "new-pin", "请输入新 PIN：", "Enter the new PIN: ");
				guard.changePin(token, old, fresh);
				say("PIN 已修改。请牢记新 PIN：" + (token.kind() == TokenKind.PKCS12 ? "软证书 PIN 忘记后无法找回。" : "忘记后需到 CA 柜台重置。"),
						"The PIN was changed. Remember the new PIN: " + (token.kind() == TokenKind.PKCS12
								? "a forgotten soft-token PIN cannot be recovered." : "a forgotten one must be reset at the CA counter."));
			}
			case "reset" -> {
				Token token = token(assistant, options);
				char[] so = pin(options, "so-pin", "请输入 SO PIN（管理员 PIN）：", "Enter the SO PIN (security officer): ");
				char[] fresh = pin(options, "new-pin", "请输入新的用户 PIN：", "Enter the new user PIN: ");
				guard.resetPin(token, so, fresh);
				say("用户 PIN 已用 SO PIN 重置，助手的错误计数已恢复。请把新 PIN 交给证书持有人，并提醒其尽快用 pin change 修改。",
						"The user PIN was reset with the SO PIN and the assistant's counter restored. Give the new PIN to the "
								+ "holder and ask them to change it soon with pin change.");
			}
			default -> throw AssistantException.of(Problem.BAD_REQUEST, "用法：pin verify|change|reset --token ID ...（运行 help 查看详情）",
					"Usage: pin verify|change|reset --token ID ... (run help for details)");
		}
		printTries(assistant, options.get("token"));
		return OK;
	}

	private int export(Options options) {
		Assistant assistant = assistant(options);
		Token token = token(assistant, options);
		TokenCertificate entry = certificate(token, options.get("alias"));
		Path file = Path.of(options.require("out", "--out 证书.cer", "--out certificate.cer"));
		byte[] bytes = options.flag("pem") ? Certs.pem(entry.certificate()).getBytes(StandardCharsets.US_ASCII)
				: Certs.der(entry.certificate());
		write(file, bytes);
		say("已导出证书 " + entry.alias() + "（" + (options.flag("pem") ? "PEM" : "DER") + "）到 " + file + "。",
				"Exported certificate " + entry.alias() + " (" + (options.flag("pem") ? "PEM" : "DER") + ") to " + file + ".");
		return OK;
	}

	private int keygen(Options options) {
		Assistant assistant = assistant(options);
		Token token = token(assistant, options);
		KeyAlgorithm algorithm = KeyAlgorithm.parse(options.require("algorithm", "--algorithm EC", "--algorithm EC"));
		var subject = Certs.parseSubject(options.get("subject"));
		Path out = Path.of(options.require("out", "--out req.csr.pem", "--out req.csr.pem"));
		char[] pin = pin(options, "pin", "请输入 PIN：", "Enter the PIN: ");
		Assistant.KeygenResult result = assistant.keygen(token, pin, options.get("alias"), algorithm, subject);
		write(out, result.csrPem().getBytes(StandardCharsets.US_ASCII));
		say("已在令牌 " + token.id() + " 上生成 " + algorithm.description() + " 密钥，别名 " + result.alias() + "。",
				"Generated a " + algorithm.description() + " key on token " + token.id() + ", alias " + result.alias() + ".");
		if (result.protection() != null) {
			say("私钥是令牌对象，敏感且不可导出（CKA_SENSITIVE=true, CKA_EXTRACTABLE=false），从未离开 USB key。",
					"The private key is a token object, sensitive and not extractable (CKA_SENSITIVE=true, "
							+ "CKA_EXTRACTABLE=false); it never left the USB key.");
		}
		else {
			say("私钥已加密保存在软证书文件中（PIN 即文件密码），请备份该文件。",
					"The private key is stored encrypted in the soft token file (the PIN is its password); back the file up.");
		}
		say("证书请求（CSR）已写入 " + out + "。下一步：把它提交给 CA / GovTrust 企业页面，拿到证书后运行 install --token " + token.id() + " --cert 证书文件。",
				"The certificate request (CSR) is in " + out + ". Next: submit it to the CA / GovTrust enterprise page, then "
						+ "run install --token " + token.id() + " --cert CERT_FILE with the issued certificate.");
		return OK;
	}

	private int install(Options options) {
		Assistant assistant = assistant(options);
		Token token = token(assistant, options);
		Path file = Path.of(options.require("cert", "--cert 证书.cer", "--cert certificate.cer"));
		byte[] bytes = read(file);
		char[] pin = pin(options, "pin", "请输入 PIN：", "Enter the PIN: ");
		Assistant.InstallResult result = assistant.install(token, pin, bytes, options.get("alias"));
		X509Certificate certificate = result.certificate();
		say("证书已安装到令牌 " + token.id() + "，别名 " + result.alias() + "（含证书链共 " + result.chainLength() + " 张）。",
				"The certificate was installed on token " + token.id() + " under alias " + result.alias() + " ("
						+ result.chainLength() + " certificate(s) with the chain).");
		out.println("主题 Subject: " + certificate.getSubjectX500Principal().getName());
		out.println("序列号 Serial: " + Certs.serialHex(certificate) + "  有效期至 Not after: " + certificate.getNotAfter().toInstant());
		if (result.encryptionAlias() != null) {
			say("双证书：加密密钥已用签名密钥从数字信封中取出，与加密证书一起保存为别名 " + result.encryptionAlias() + "（仅用于加解密，不用于登录）。",
					"Dual certificate: the encryption key was opened from its envelope with the signing key and stored with "
							+ "the encryption certificate under alias " + result.encryptionAlias()
							+ " (for encryption only, never for login).");
		}
		if (!Certs.isValidAt(certificate, clock.instant())) {
			say("注意：此证书当前不在有效期内，不能用于登录。", "Note: this certificate is not currently valid and cannot log in.");
		}
		return OK;
	}

	private int unlockRequest(Options options) {
		Assistant assistant = assistant(options);
		Token token = token(assistant, options);
		String code = assistant.unlockCodes().request(token);
		say("解锁请求码 Unlock request code:", "(copy the whole line below)");
		out.println(code);
		say("请在 GovTrust 企业页面（/enterprise）或 CA 柜台提交此请求码，拿到解锁码后运行 key-assistant unlock --token " + token.id() + " --code 解锁码。"
				+ "解锁只恢复助手的错误计数，登录仍需正确的 PIN。",
				"Submit this request code on the GovTrust enterprise page (/enterprise) or at the CA counter; with the unlock "
						+ "code run key-assistant unlock --token " + token.id() + " --code CODE. Unlocking only restores the "
						+ "assistant's counter: login still needs the right PIN.");
		Msg forgotten = PinGuard.forgottenPin(token);
		say(forgotten.zh(), forgotten.en());
		return OK;
	}

	private int unlock(Options options) {
		Assistant assistant = assistant(options);
		Token token = token(assistant, options);
		String code = options.require("code", "--code 服务器给出的解锁码", "--code CODE_FROM_THE_SERVER");
		assistant.unlockCodes().unlock(token, code);
		say("解锁码验证通过（由签发 CA 签名），助手已恢复令牌 " + token.id() + " 的 PIN 尝试次数。",
				"The unlock code verified (signed by the issuing CA); the assistant restored the PIN tries of token " + token.id() + ".");
		printTries(assistant, token.id());
		Msg forgotten = PinGuard.forgottenPin(token);
		say(forgotten.zh(), forgotten.en());
		return OK;
	}

	private int renew(Options options) {
		Assistant assistant = assistant(options);
		Token token = token(assistant, options);
		ServerClient server = new ServerClient(options.require("server", "--server https://govtrust.example.gov.cn",
				"--server https://govtrust.example.gov.cn"));
		char[] pin = pin(options, "pin", "请输入 PIN：", "Enter the PIN: ");
		Assistant.RenewResult result = assistant.renew(token, pin, options.get("alias"), server);
		say("证书已更新：新密钥在令牌上生成（别名 " + result.newAlias() + "），新证书已安装，序列号 " + Certs.serialHex(result.certificate())
				+ "，有效期至 " + result.certificate().getNotAfter().toInstant() + "。旧证书 " + result.oldAlias() + " 保留到期满。",
				"Renewed: a new key was generated on the token (alias " + result.newAlias() + ") and the new certificate "
						+ "installed, serial " + Certs.serialHex(result.certificate()) + ", valid until "
						+ result.certificate().getNotAfter().toInstant() + ". The old certificate " + result.oldAlias()
						+ " stays until it expires.");
		return OK;
	}

	private int diagnose(Options options) {
		Assistant assistant = assistant(options);
		ServerClient server = new ServerClient(options.require("server", "--server https://govtrust.example.gov.cn",
				"--server https://govtrust.example.gov.cn"));
		List<Diagnosis.Step> steps = new Diagnosis(assistant, server).run(options.get("token"), options.get("alias"));
		for (Diagnosis.Step step : steps) {
			out.println("[" + step.level() + "] " + step.number() + ". " + step.name().zh() + " / " + step.name().en());
			out.println("     " + step.detail().zh());
			out.println("     " + step.detail().en());
		}
		boolean passed = Diagnosis.passed(steps);
		say(passed ? "诊断完成：没有发现会导致登录失败的问题。" : "诊断完成：发现问题，请按上面标为 FAIL 的提示处理。",
				passed ? "Diagnosis done: nothing found that would make login fail."
						: "Diagnosis done: problems found; follow the remedies marked FAIL above.");
		return passed ? OK : FAILED;
	}

	private int serve(Options options) {
		Assistant assistant = assistant(options);
		List<String> origins = new ArrayList<>();
		if (options.get("server") != null) {
			origins.add(LocalServer.origin(options.get("server")));
		}
		origins.addAll(options.all("allow-origin"));
		if (origins.isEmpty()) {
			throw AssistantException.of(Problem.BAD_REQUEST, "请用 --server 指定 GovTrust 服务器地址（其网页才能调用助手）。",
					"Give the GovTrust server with --server (its pages are the ones allowed to call the assistant).");
		}
		int port;
		try {
			port = Integer.parseInt(options.get("port") == null ? "18181" : options.get("port"));
		}
		catch (NumberFormatException e) {
			throw AssistantException.of(Problem.BAD_REQUEST, "--port 必须是数字。", "--port must be a number.");
		}
		LocalServer server;
		try {
			server = new LocalServer(assistant, port, origins, err);
		}
		catch (IOException e) {
			throw new AssistantException(Problem.TOKEN_ERROR, Msg.of(
					"无法监听端口 " + port + "（" + e.getMessage() + "）。可能已有一个证书助手在运行；请关闭它，或用 --port 换一个端口。",
					"Cannot listen on port " + port + " (" + e.getMessage() + "). Another key assistant may be running: "
							+ "close it, or pick another port with --port."), e);
		}
		server.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}));
		out.println("证书助手本地服务已启动：" + server.url() + "（仅本机可访问；允许的网站 allowed origins: "
				+ String.join(", ", server.allowedOrigins()) + "）");
		out.println("listening on " + server.url());
		out.flush();
		try {
			stopped.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return OK;
	}

	private int initSoftToken(Options options) {
		Path file = Path.of(options.require("file", "--file 企业证书.p12", "--file enterprise.p12"));
		char[] pin = pin(options, "pin", "请设置软证书 PIN（至少 6 位）：", "Choose the soft token PIN (at least 6 characters): ");
		SoftToken token = SoftToken.create(file, pin);
		say("已创建软证书 " + token.id() + "（文件 " + token.file() + "）。以后的命令请加 --pkcs12 " + file
				+ "（或设置环境变量 GOVTRUST_PKCS12）。下一步：keygen 生成密钥和 CSR。",
				"Created soft token " + token.id() + " (file " + token.file() + "). Add --pkcs12 " + file
						+ " to later commands (or set GOVTRUST_PKCS12). Next: make a key and CSR with keygen.");
		return OK;
	}

	private void help() {
		String text = """
				GovTrust 证书助手 %1$s / GovTrust key assistant %1$s
				用法 Usage: java -jar key-assistant.jar <命令 command> [选项 options]

				命令 Commands:
				  list                                   列出令牌、PIN 状态和证书 / tokens, PIN state and certificates
				  show --token ID [--alias A]            证书详情 / certificate details
				  pin verify --token ID                  验证 PIN / check the PIN
				  pin change --token ID [--pin OLD] [--new-pin NEW]
				                                         修改 PIN / change the PIN
				  pin reset --token ID [--so-pin SO] [--new-pin NEW]
				                                         柜台用 SO PIN 重置用户 PIN（仅 USB key）/ counter staff: reset the user PIN with the SO PIN (USB key only)
				  export --token ID [--alias A] --out FILE.cer [--pem]
				                                         导出证书（DER，或 PEM）/ export the certificate (DER, or PEM)
				  keygen --token ID --algorithm RSA|EC|SM2 --subject "CN=...,O=...,C=CN" --out req.csr.pem [--alias A]
				                                         在令牌上生成密钥并写出 CSR（SM2 仅限软证书）/ generate a key ON the token and write a CSR (SM2: soft tokens only)
				  install --token ID --cert FILE [--alias A]
				                                         安装签发的证书（PEM/DER，可含证书链）/ install the issued certificate (PEM/DER, chain allowed)
				  unlock-request --token ID              生成解锁请求码 / print an unlock request code
				  unlock --token ID --code CODE          用服务器的解锁码恢复 PIN 尝试次数 / reset the PIN tries with the server's unlock code
				  renew --token ID [--alias A] --server URL
				                                         到期前 30 天内更新证书 / renew a certificate within 30 days of expiry
				  diagnose [--token ID] [--alias A] --server URL
				                                         诊断登录失败的原因（退出码 0 = 无 FAIL）/ why does login fail (exit code 0 = no FAIL)
				  serve --server URL [--port 18181] [--allow-origin ORIGIN ...]
				                                         启动本机服务供登录页使用（仅 127.0.0.1）/ local endpoint for the login page (127.0.0.1 only)
				  init-soft-token --file F.p12 [--pin P] 创建 PKCS#12 软证书 / create a PKCS#12 soft token
				  version                                版本 / version
				  help                                   本帮助 / this help

				通用选项 Common options:
				  --pkcs11-library PATH   USB key 的 PKCS#11 库，可重复；none 表示不用（环境变量 GOVTRUST_PKCS11_LIBRARY；默认 %2$s）
				                          PKCS#11 library of the USB key, repeatable; none for none (env GOVTRUST_PKCS11_LIBRARY; default %2$s)
				  --pkcs12 FILE           PKCS#12 软证书文件，可重复（环境变量 GOVTRUST_PKCS12）/ soft token file, repeatable (env GOVTRUST_PKCS12)
				  --state-dir DIR         PIN 计数器等状态目录（默认 ~/.govtrust-assistant）/ state directory for the PIN counter (default ~/.govtrust-assistant)
				  --max-pin-tries N       PIN 最多尝试次数（默认 6）/ maximum PIN tries (default 6)
				  --pin PIN               不给则从控制台读取（不回显，更安全）/ without it the PIN is read from the console without echo (safer)

				令牌 ID Token ids: pkcs11:<令牌序列号 token serial>  或 or  file:<文件名 file name>
				""".formatted(Version.VERSION, TokenRegistry.DEFAULT_PKCS11_LIBRARY);
		out.print(text);
	}

	// --- helpers ---

	private Assistant assistant(Options options) {
		List<Path> libraries = new ArrayList<>();
		List<String> named = options.all("pkcs11-library");
		if (named.isEmpty() && env.get("GOVTRUST_PKCS11_LIBRARY") != null && !env.get("GOVTRUST_PKCS11_LIBRARY").isBlank()) {
			named = List.of(env.get("GOVTRUST_PKCS11_LIBRARY").split(java.io.File.pathSeparator));
		}
		if (named.isEmpty()) {
			if (Files.isRegularFile(TokenRegistry.DEFAULT_PKCS11_LIBRARY)) {
				libraries.add(TokenRegistry.DEFAULT_PKCS11_LIBRARY);
			}
		}
		else {
			for (String library : named) {
				if (!library.isBlank() && !library.equalsIgnoreCase("none")) {
					libraries.add(Path.of(library));
				}
			}
		}
		List<Path> files = new ArrayList<>();
		for (String file : options.all("pkcs12")) {
			files.add(Path.of(file));
		}
		if (files.isEmpty() && env.get("GOVTRUST_PKCS12") != null && !env.get("GOVTRUST_PKCS12").isBlank()) {
			for (String file : env.get("GOVTRUST_PKCS12").split(java.io.File.pathSeparator)) {
				files.add(Path.of(file));
			}
		}
		String stateDir = options.get("state-dir");
		Path state = stateDir != null ? Path.of(stateDir) : Path.of(System.getProperty("user.home"), ".govtrust-assistant");
		int maxTries = 6;
		if (options.get("max-pin-tries") != null) {
			try {
				maxTries = Integer.parseInt(options.get("max-pin-tries"));
			}
			catch (NumberFormatException e) {
				maxTries = -1;
			}
			if (maxTries < 1 || maxTries > 100) {
				throw AssistantException.of(Problem.BAD_REQUEST, "--max-pin-tries 必须是 1 到 100 之间的数字。",
						"--max-pin-tries must be a number from 1 to 100.");
			}
		}
		return new Assistant(new TokenRegistry(libraries, files), new PinGuard(new PinStateStore(state, maxTries)), clock);
	}

	private static Token token(Assistant assistant, Options options) {
		return assistant.registry().find(options.get("token"));
	}

	/** The named certificate, else the valid one with the latest notAfter, else the latest; placeholders last. */
	private TokenCertificate certificate(Token token, String alias) {
		List<TokenCertificate> all = token.certificates();
		if (alias != null) {
			for (TokenCertificate entry : all) {
				if (entry.alias().equals(alias)) {
					return entry;
				}
			}
			throw AssistantException.of(Problem.NO_CERTIFICATE, "令牌上没有别名为 " + alias + " 的证书。请用 list 查看证书别名。",
					"No certificate with alias " + alias + " on the token. The list command shows the aliases.");
		}
		TokenCertificate best = TokenRegistry.bestCertificate(all, clock.instant());
		if (best != null) {
			return best;
		}
		TokenCertificate latest = null;
		for (TokenCertificate entry : all) {
			if (latest == null || (latest.placeholder() && !entry.placeholder())
					|| (latest.placeholder() == entry.placeholder()
							&& entry.certificate().getNotAfter().after(latest.certificate().getNotAfter()))) {
				latest = entry;
			}
		}
		if (latest == null) {
			throw AssistantException.of(Problem.NO_CERTIFICATE, "令牌 " + token.id() + " 上没有证书。请先 keygen 生成 CSR，签发后用 install 安装。",
					"Token " + token.id() + " holds no certificate. Make a CSR with keygen first, then install the issued certificate.");
		}
		return latest;
	}

	private void printTries(Assistant assistant, String tokenId) {
		try {
			Token token = assistant.registry().find(tokenId);
			PinGuard.PinStatus status = assistant.guard().status(token);
			say("剩余 PIN 尝试次数：" + status.triesLeft() + "/" + status.maxTries() + "。",
					"PIN tries left: " + status.triesLeft() + "/" + status.maxTries() + ".");
		}
		catch (AssistantException e) {
			// the token went away: nothing to report
		}
	}

	private char[] pin(Options options, String name, String zhPrompt, String enPrompt) {
		String given = options.get(name);
		if (given != null) {
			return given.toCharArray();
		}
		Console console = System.console();
		if (console != null && in == System.in) {
			char[] pin = console.readPassword("%s", zhPrompt + " / " + enPrompt);
			if (pin != null) {
				return pin;
			}
		}
		else {
			err.print(zhPrompt + " / " + enPrompt);
			err.flush();
			try {
				if (stdin == null) {
					stdin = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
				String line = stdin.readLine();
				if (line != null) {
					return line.toCharArray();
				}
			}
			catch (IOException e) {
				// fall through
			}
		}
		throw AssistantException.of(Problem.BAD_REQUEST, "没有读到 PIN。请用 --" + name + " 给出，或在提示时输入。",
				"No PIN was read. Give it with --" + name + ", or type it at the prompt.");
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new AssistantException(Problem.BAD_REQUEST, Msg.of("无法读取文件 " + file + "。请检查路径。",
					"Cannot read the file " + file + ". Check the path."), e);
		}
	}

	private static void write(Path file, byte[] bytes) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.write(file, bytes);
		}
		catch (IOException e) {
			throw new AssistantException(Problem.TOKEN_ERROR, Msg.of("无法写入文件 " + file + "。请检查路径和权限。",
					"Cannot write the file " + file + ". Check the path and permissions."), e);
		}
	}

	private static String listOrNone(List<String> items) {
		return items.isEmpty() ? "无 none" : String.join(", ", items);
	}

	private void say(String zh, String en) {
		out.println(zh);
		out.println(en);
	}

	private void error(AssistantException e) {
		err.println("错误 Error [" + e.problem() + "]");
		err.println(e.msg().zh());
		err.println(e.msg().en());
	}
}
