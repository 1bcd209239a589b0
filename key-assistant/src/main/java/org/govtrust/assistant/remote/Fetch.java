package org.govtrust.assistant.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Msg;
import org.govtrust.assistant.Problem;
import org.govtrust.assistant.Version;

/** Small HTTP GET/POST for the CA's URLs (issuer certificate, CRL, OCSP) and the GovTrust server. */
public final class Fetch {

	private static final int MAX_BYTES = 8 * 1024 * 1024;

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private Fetch() {
	}

	public record Response(int status, String contentType, byte[] body) {
	}

	public static Response get(String url) {
		return send(request(url).GET().build(), url);
	}

	public static Response post(String url, String contentType, byte[] body) {
		return send(request(url).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), url);
	}

	private static HttpRequest.Builder request(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			throw AssistantException.of(Problem.BAD_REQUEST, "地址格式不正确：" + url, "Malformed URL: " + url);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw AssistantException.of(Problem.BAD_REQUEST, "只支持 http/https 地址：" + url,
					"Only http/https URLs are supported: " + url);
		}
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(20))
			.header("User-Agent", "GovTrust-key-assistant/" + Version.VERSION);
	}

	private static Response send(HttpRequest request, String url) {
		try {
			HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
			byte[] body;
			try (InputStream in = response.body()) {
				body = in.readNBytes(MAX_BYTES + 1);
			}
			if (body.length > MAX_BYTES) {
				throw new IOException("response larger than " + MAX_BYTES + " bytes");
			}
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
		}
		catch (IOException e) {
			throw unreachable(url, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw unreachable(url, e);
		}
	}

	private static AssistantException unreachable(String url, Exception e) {
		String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return new AssistantException(Problem.SERVER_ERROR, Msg.of(
				"无法连接 " + url + "（" + reason + "）。请检查网络连接、代理和防火墙设置后重试。",
				"Cannot reach " + url + " (" + reason + "). Check the network connection, proxy and firewall, then retry."),
				e);
	}
}
