package org.govtrust.assistant;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.govtrust.assistant.crypto.Certs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny stand-in for the CA's URLs and the GovTrust server, on 127.0.0.1: the issuer certificate, a CRL, an
 * OCSP responder and the assistant version JSON. Renewals are answered by a pluggable handler.
 */
public final class TestServer implements AutoCloseable {

	private final HttpServer server;

	public final String url;

	public volatile TestCa ca;

	/** Serial → OCSP status (absent = good). */
	public final Map<BigInteger, CertificateStatus> ocspStatus = new ConcurrentHashMap<>();

	/** Serial → CRLReason listed in the CRL. */
	public final Map<BigInteger, Integer> crlEntries = new ConcurrentHashMap<>();

	public volatile Instant crlNextUpdate = Instant.now().plus(Duration.ofDays(7));

	public volatile String assistantJson = "{\"latestVersion\":\"0.1.0\",\"minimumVersion\":\"0.1.0\",\"download\":\"https://govtrust.example/download\"}";

	public volatile Handler renewals = exchange -> respond(exchange, 404, "application/problem+json", "{}".getBytes());

	public final AtomicInteger ocspRequests = new AtomicInteger();

	public interface Handler {

		void handle(HttpExchange exchange) throws IOException;
	}

	public TestServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		url = "http://127.0.0.1:" + server.getAddress().getPort();
		server.createContext("/ca.cer", exchange -> respond(exchange, 200, "application/pkix-cert", Certs.der(ca.certificate)));
		server.createContext("/ca.crl", exchange -> respond(exchange, 200, "application/pkix-crl",
				ca.crl(crlEntries, Instant.now().minus(Duration.ofHours(1)), crlNextUpdate)));
		server.createContext("/ocsp", exchange -> {
			ocspRequests.incrementAndGet();
			byte[] request = exchange.getRequestBody().readAllBytes();
			respond(exchange, 200, "application/ocsp-response", ca.ocsp(request, serial -> ocspStatus.get(serial)));
		});
		server.createContext("/api/v1/ca/assistant", exchange -> respond(exchange, 200, "application/json",
				assistantJson.getBytes(StandardCharsets.UTF_8)));
		server.createContext("/api/v1/ca/renewals", exchange -> renewals.handle(exchange));
		server.start();
	}

	public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
