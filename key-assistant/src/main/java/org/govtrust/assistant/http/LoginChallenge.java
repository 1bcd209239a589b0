package org.govtrust.assistant.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Problem;

/**
 * The only text the assistant signs for a web page: a GovTrust login challenge of exactly four lines joined by
 * "\n" (no trailing newline):
 *
 * <pre>
 * GovTrust certificate login
 * origin: https://govtrust.example.gov.cn
 * challenge: &lt;base64url, at least 16 characters&gt;
 * issued-at: 2025-01-01T00:00:00Z
 * </pre>
 *
 * The origin line must equal the page's Origin header, so one site cannot get a login for another signed.
 */
public final class LoginChallenge {

	static final String FIRST_LINE = "GovTrust certificate login";

	private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{16,1024}={0,2}");

	private LoginChallenge() {
	}

	public static void check(String challenge, String requestOrigin) {
		if (challenge == null) {
			throw invalid();
		}
		String[] lines = challenge.split("\n", -1);
		if (lines.length != 4 || challenge.indexOf('\r') >= 0 || !lines[0].equals(FIRST_LINE)
				|| !lines[1].startsWith("origin: ") || !lines[2].startsWith("challenge: ")
				|| !lines[3].startsWith("issued-at: ")) {
			throw invalid();
		}
		if (!BASE64URL.matcher(lines[2].substring("challenge: ".length())).matches()) {
			throw invalid();
		}
		try {
			Instant.parse(lines[3].substring("issued-at: ".length()));
		}
		catch (DateTimeParseException e) {
			throw invalid();
		}
		String origin = lines[1].substring("origin: ".length());
		if (!origin.equals(requestOrigin)) {
			throw AssistantException.of(Problem.CHALLENGE_ORIGIN_MISMATCH,
					"登录挑战中的网站（" + origin + "）与发出请求的网页（" + requestOrigin + "）不一致，已拒绝签名。请直接从 GovTrust 登录页登录。",
					"The site in the login challenge (" + origin + ") is not the page asking (" + requestOrigin
							+ "); signing refused. Log in from the GovTrust login page itself.");
		}
	}

	private static AssistantException invalid() {
		return AssistantException.of(Problem.CHALLENGE_INVALID,
				"这不是 GovTrust 登录挑战，助手拒绝签名。请刷新 GovTrust 登录页后重试。",
				"This is not a GovTrust login challenge; the assistant refuses to sign it. Reload the GovTrust login page and retry.");
	}
}
