package org.govtrust.assistant.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.govtrust.assistant.Assistant;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Json;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.token.Token;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The loopback-only endpoint the GovTrust login page's JavaScript calls (no browser plugin). It binds 127.0.0.1
 * only, answers only allowed Origins (CORS, Private Network Access preflight), checks Host against DNS
 * rebinding, limits bodies to 64 KiB, and signs nothing but GovTrust login challenges for the page's own origin.
 */
public final class LocalServer implements AutoCloseable {

	public static final int MAX_BODY = 64 * 1024;

	private final Assistant assistant;

	private final Set<String> allowedOrigins;

	private final PrintStream log;

	private final HttpServer server;

	private final ExecutorService executor;

	public LocalServer(Assistant assistant, int port, List<String> allowedOrigins, PrintStream log) throws IOException {
		this.assistant = assistant;
		this.allowedOrigins = new LinkedHashSet<>();
		for (String origin : allowedOrigins) {
			this.allowedOrigins.add(origin(origin));
		}
		this.log = log;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }), port), 16);
		this.executor = Executors.newFixedThreadPool(4, runnable -> {
			Thread thread = new Thread(runnable, "key-assistant-http");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.createContext("/", this::handle);
	}

	public void start() {
		server.start();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public String url() {
		return "http://127.0.0.1:" + port();
	}

	public Set<String> allowedOrigins() {
		return Set.copyOf(allowedOrigins);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	/** scheme://host[:port] of a URL or origin, lower case, default ports left out. */
	public static String origin(String url) {
		URI uri = URI.create(url.trim());
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw AssistantException.of(Problem.BAD_REQUEST, "不是有效的网址：" + url + "（例如 https://govtrust.example.gov.cn）",
					"Not a valid URL: " + url + " (e.g. https://govtrust.example.gov.cn)");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		int status;
		try {
			status = route(exchange, method, path);
		}
		catch (RuntimeException e) {
			status = 500;
			sendJson(exchange, 500, error(Problem.TOKEN_ERROR, Msg.of("助手内部错误，请重试；仍失败请运行 diagnose。",
					"Internal assistant error; retry, and if it persists run diagnose."), null));
			log.println("error handling " + method + " " + path + ": " + e.getClass().getSimpleName());
		}
		finally {
			exchange.close();
		}
		log.println(method + " " + path + " " + status);
	}

	private int route(HttpExchange exchange, String method, String path) throws IOException {
		String host = exchange.getRequestHeaders().getFirst("Host");
		String port = Integer.toString(port());
		if (host == null || !(host.equalsIgnoreCase("127.0.0.1:" + port) || host.equalsIgnoreCase("localhost:" + port))) {
			return sendJson(exchange, 403, error(Problem.HOST_NOT_ALLOWED, Msg.of("请求的主机名不被允许（防 DNS 重绑定）。",
					"Host not allowed (DNS rebinding defence)."), null));
		}
		String origin = exchange.getRequestHeaders().getFirst("Origin");
		if (origin == null || !allowedOrigins.contains(origin)) {
			return sendJson(exchange, 403, error(Problem.ORIGIN_NOT_ALLOWED, Msg.of(
					"此网页无权使用证书助手。只有 GovTrust 登录页可以调用；如地址不同，请用 --allow-origin 添加。",
					"This page may not use the key assistant. Only the GovTrust login page may; add another site with --allow-origin."),
					null));
		}
		Headers headers = exchange.getResponseHeaders();
		headers.set("Access-Control-Allow-Origin", origin);
		headers.set("Vary", "Origin");
		if (method.equals("OPTIONS")) {
			headers.set("Access-Control-Allow-Methods", "GET, POST");
			headers.set("Access-Control-Allow-Headers", "Content-Type");
			headers.set("Access-Control-Allow-Private-Network", "true");
			headers.set("Access-Control-Max-Age", "600");
			exchange.sendResponseHeaders(204, -1);
			return 204;
		}
		try {
			return switch (path) {
				case "/v1/status" -> {
					requireMethod(method, "GET");
					yield sendJson(exchange, 200, assistant.status());
				}
				case "/v1/sign" -> {
					requireMethod(method, "POST");
					yield sign(exchange, origin, readJson(exchange));
				}
				case "/v1/unlock-request" -> {
					requireMethod(method, "POST");
					yield unlockRequest(exchange, readJson(exchange));
				}
				default -> throw AssistantException.of(Problem.NOT_FOUND, "没有这个接口：" + path, "No such endpoint: " + path);
			};
		}
		catch (AssistantException e) {
			return sendJson(exchange, e.problem().status(), error(e.problem(), e.msg(), e.triesLeft()));
		}
	}

	private int sign(HttpExchange exchange, String origin, JsonNode body) throws IOException {
		String challenge = text(body, "challenge", true);
		String pin = text(body, "pin", true);
		LoginChallenge.check(challenge, origin);
		char[] pinChars = pin.toCharArray();
		try {
			Assistant.Signed signed = assistant.sign(text(body, "token", false), text(body, "alias", false), pinChars,
					challenge.getBytes(StandardCharsets.UTF_8));
			ObjectNode result = Json.MAPPER.createObjectNode();
			result.put("certificate", Base64.getEncoder().encodeToString(Certs.der(signed.certificate())));
			result.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
			result.put("algorithm", signed.algorithm());
			return sendJson(exchange, 200, result);
		}
		finally {
			Arrays.fill(pinChars, '\0');
		}
	}

	private int unlockRequest(HttpExchange exchange, JsonNode body) throws IOException {
		Token token = assistant.registry().find(text(body, "token", true));
		ObjectNode result = Json.MAPPER.createObjectNode();
		result.put("code", assistant.unlockCodes().request(token));
		return sendJson(exchange, 200, result);
	}

	private static void requireMethod(String method, String expected) {
		if (!method.equals(expected)) {
			throw AssistantException.of(Problem.METHOD_NOT_ALLOWED, "此接口只接受 " + expected + " 请求。",
					"This endpoint accepts " + expected + " only.");
		}
	}

	private static String text(JsonNode body, String field, boolean required) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				throw AssistantException.of(Problem.BAD_REQUEST, "请求缺少字段 " + field + "。", "The request lacks the field " + field + ".");
			}
			return null;
		}
		if (!node.isString()) {
			throw AssistantException.of(Problem.BAD_REQUEST, "字段 " + field + " 必须是字符串。", "The field " + field + " must be a string.");
		}
		return node.stringValue();
	}

	private static JsonNode readJson(HttpExchange exchange) throws IOException {
		byte[] bytes;
		try (InputStream in = exchange.getRequestBody()) {
			bytes = in.readNBytes(MAX_BODY + 1); // never more than 64 KiB + 1 is read
		}
		if (bytes.length > MAX_BODY) {
			throw tooLarge();
		}
		try {
			JsonNode node = Json.MAPPER.readTree(bytes);
			if (node == null || !node.isObject()) {
				throw new IllegalArgumentException("not an object");
			}
			return node;
		}
		catch (RuntimeException e) {
			throw AssistantException.of(Problem.BAD_REQUEST, "请求内容不是有效的 JSON 对象。", "The request body is not a JSON object.");
		}
	}

	private static AssistantException tooLarge() {
		return AssistantException.of(Problem.REQUEST_TOO_LARGE, "请求内容超过 64 KiB，已拒绝。", "The request body exceeds 64 KiB; refused.");
	}

	private static ObjectNode error(Problem problem, Msg msg, Integer triesLeft) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("error", problem.name());
		node.put("message", msg.oneLine());
		if (triesLeft != null) {
			node.put("triesLeft", triesLeft);
		}
		return node;
	}

	private static int sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", "application/json; charset=utf-8");
		headers.set("Cache-Control", "no-store");
		headers.set("X-Content-Type-Options", "nosniff");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		return status;
	}
}
