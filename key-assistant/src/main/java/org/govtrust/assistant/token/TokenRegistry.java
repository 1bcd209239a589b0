package org.govtrust.assistant.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.crypto.Certs;

/** The tokens the assistant is configured to see: PKCS#11 libraries' slots and PKCS#12 files. */
public final class TokenRegistry {

	public static final Path DEFAULT_PKCS11_LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

	private final List<Path> pkcs11Libraries;

	private final List<Path> pkcs12Files;

	private volatile List<String> problems = List.of();

	public TokenRegistry(List<Path> pkcs11Libraries, List<Path> pkcs12Files) {
		this.pkcs11Libraries = List.copyOf(pkcs11Libraries);
		this.pkcs12Files = List.copyOf(pkcs12Files);
	}

	public List<Path> pkcs11Libraries() {
		return pkcs11Libraries;
	}

	public List<Path> pkcs12Files() {
		return pkcs12Files;
	}

	/** All tokens present now (USB keys are looked up afresh each time: they come and go). */
	public List<Token> tokens() {
		List<Token> tokens = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path library : pkcs11Libraries) {
			try {
				tokens.addAll(Pkcs11Module.of(library).tokens());
			}
			catch (AssistantException e) {
				problems.add(e.msg().oneLine());
			}
		}
		for (Path file : pkcs12Files) {
			if (Files.isRegularFile(file)) {
				tokens.add(new SoftToken(file));
			}
			else {
				problems.add(Msg.of("找不到软证书文件 " + file.getFileName() + "。", "Soft token file " + file.getFileName()
						+ " not found.").oneLine());
			}
		}
		this.problems = List.copyOf(problems);
		return tokens;
	}

	/** Why some configured tokens could not be looked at during the last {@link #tokens()}. */
	public List<String> problems() {
		return problems;
	}

	public Token find(String id) {
		if (id == null || id.isBlank()) {
			throw AssistantException.of(Problem.BAD_REQUEST, "请用 --token 指定令牌（用 list 命令查看令牌 ID）。",
					"Name the token with --token (the list command shows token ids).");
		}
		List<Token> tokens = tokens();
		for (Token token : tokens) {
			if (token.id().equals(id)) {
				return token;
			}
		}
		AssistantException absent = absent(id, tokens);
		if (problems.isEmpty()) {
			throw absent;
		}
		String why = String.join(" ", problems);
		throw new AssistantException(Problem.TOKEN_ABSENT, Msg.of(absent.msg().zh() + "（另有问题 also: " + why + "）",
				absent.msg().en() + " (Also: " + why + ")"));
	}

	public static AssistantException absent(String id, List<Token> present) {
		StringBuilder ids = new StringBuilder();
		for (Token token : present) {
			ids.append(ids.length() == 0 ? "" : ", ").append(token.id());
		}
		String known = ids.length() == 0 ? "无 none" : ids.toString();
		return new AssistantException(Problem.TOKEN_ABSENT, Msg.of(
				"找不到令牌 " + id + "。请插入 USB key（或用 --pkcs12 指定软证书文件），再用 list 查看令牌 ID。当前可见：" + known,
				"Token " + id + " not found. Plug in the USB key (or name the soft token file with --pkcs12), then see "
						+ "the token ids with list. Visible now: " + known));
	}

	/** The login certificate to use when none is named: currently valid, latest notAfter. */
	public static TokenCertificate bestCertificate(List<TokenCertificate> certificates, Instant now) {
		TokenCertificate best = null;
		for (TokenCertificate candidate : certificates) {
			X509Certificate certificate = candidate.certificate();
			if (candidate.placeholder() || !Certs.isValidAt(certificate, now)) {
				continue;
			}
			if (best == null || certificate.getNotAfter().after(best.certificate().getNotAfter())) {
				best = candidate;
			}
		}
		return best;
	}
}
