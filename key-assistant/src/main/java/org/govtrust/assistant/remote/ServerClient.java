package org.govtrust.assistant.remote;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Json;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.crypto.Certs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The GovTrust server's CA endpoints the assistant calls. */
public final class ServerClient {

	private final String server;

	public ServerClient(String server) {
		if (server == null || server.isBlank()) {
			throw AssistantException.of(Problem.BAD_REQUEST, "请用 --server 指定 GovTrust 服务器地址，例如 https://govtrust.example.gov.cn。",
					"Give the GovTrust server address with --server, e.g. https://govtrust.example.gov.cn.");
		}
		this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
	}

	public String server() {
		return server;
	}

	public record AssistantInfo(String latestVersion, String minimumVersion, String download) {
	}

	/**
	 * A renewed certificate.
	 *
	 * @param certificate the new certificate
	 * @param chain the issuing CA and root
	 * @param encryption for an SM2 dual pair, the new encryption certificate and its key's envelope (PEM); else null
	 */
	public record Renewal(X509Certificate certificate, List<X509Certificate> chain, String encryption) {
	}

	public AssistantInfo assistantInfo() {
		String url = server + "/api/v1/ca/assistant";
		Fetch.Response response = Fetch.get(url);
		if (response.status() != 200) {
			throw failure(url, response);
		}
		JsonNode json = parse(url, response);
		return new AssistantInfo(json.path("latestVersion").asString(""), json.path("minimumVersion").asString(""),
				json.path("download").asString(""));
	}

	public Renewal renew(String csrPem, X509Certificate current, byte[] signature, String algorithm) {
		String url = server + "/api/v1/ca/renewals";
		ObjectNode body = Json.MAPPER.createObjectNode();
		body.put("csr", csrPem);
		body.put("certificate", Base64.getEncoder().encodeToString(Certs.der(current)));
		body.put("signature", Base64.getEncoder().encodeToString(signature));
		body.put("algorithm", algorithm);
		Fetch.Response response = Fetch.post(url, "application/json", Json.MAPPER.writeValueAsBytes(body));
		if (response.status() != 201 && response.status() != 200) {
			throw failure(url, response);
		}
		JsonNode json = parse(url, response);
		List<X509Certificate> issued = Certs.parseAll(json.path("certificate").asString("").getBytes(StandardCharsets.US_ASCII));
		List<X509Certificate> chain = new ArrayList<>();
		String chainPem = json.path("chain").asString("");
		if (!chainPem.isBlank()) {
			chain.addAll(Certs.parseAll(chainPem.getBytes(StandardCharsets.US_ASCII)));
		}
		String encryption = json.path("encryption").asString("");
		return new Renewal(issued.get(0), chain, encryption.isBlank() ? null : encryption);
	}

	private static JsonNode parse(String url, Fetch.Response response) {
		try {
			return Json.MAPPER.readTree(response.body());
		}
		catch (RuntimeException e) {
			throw new AssistantException(Problem.SERVER_ERROR, Msg.of("服务器 " + url + " 的应答不是 JSON。请确认 --server 地址正确。",
					"The server's answer from " + url + " is not JSON. Check the --server address."), e);
		}
	}

	/** RFC 9457 problem details: print detail and code. */
	private static AssistantException failure(String url, Fetch.Response response) {
		String detail = "";
		String code = "";
		try {
			JsonNode problem = Json.MAPPER.readTree(response.body());
			detail = problem.path("detail").asString(problem.path("title").asString(""));
			code = problem.path("code").asString("");
		}
		catch (RuntimeException e) {
			// not problem JSON
		}
		String what = "HTTP " + response.status() + (code.isEmpty() ? "" : " " + code) + (detail.isEmpty() ? "" : ": " + detail);
		return AssistantException.of(Problem.SERVER_ERROR,
				"服务器拒绝了请求（" + url + "，" + what + "）。请按服务器提示处理；如不明白，请联系 GovTrust 客服并提供错误码。",
				"The server refused the request (" + url + ", " + what + "). Follow the server's message; if unclear, "
						+ "contact GovTrust support with the error code.");
	}
}
