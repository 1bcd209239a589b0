package org.govtrust.login.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.govtrust.support.MutableClock;
import org.govtrust.support.TestClockConfiguration;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GovTrust behind a reverse proxy, on a real port: the test plays a proxy that the
 * configuration trusts ({@code server.tomcat.remoteip.internal-proxies}, from
 * {@code GOVTRUST_TRUSTED_PROXIES}), so each client it forwards is counted on its own address,
 * and the issuer follows the scheme and host the client used.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class BehindAProxyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void eachClientBehindTheProxyHasItsOwnSignInLimit() throws Exception {
		// 30 failed sign-ins from one address in 15 minutes pause that address (govtrust.login)
		for (int attempt = 1; attempt <= 30; attempt++) {
			assertThat(passwordLogin("203.0.113.7", attempt).body()).contains("LGN-3001");
		}
		HttpResponse<String> paused = passwordLogin("203.0.113.7", 31);
		assertThat(paused.statusCode()).isEqualTo(429);
		assertThat(paused.body()).contains("LGN-3003");
		// another citizen behind the same proxy, and the proxy itself, are not paused
		assertThat(passwordLogin("203.0.113.8", 32).body()).contains("LGN-3001");
		assertThat(passwordLogin(null, 33).body()).contains("LGN-3001");
	}

	@Test
	void theIssuerIsTheAddressTheClientUsed() throws Exception {
		HttpResponse<String> discovery = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/.well-known/openid-configuration"))
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "sso.example.gov.cn")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(discovery.body()).contains("\"issuer\":\"https://sso.example.gov.cn\"")
			.contains("\"token_endpoint\":\"https://sso.example.gov.cn/oauth2/token\"");
	}

	/** A wrong password for an unknown phone number (a new one each time, so no account's own limit applies). */
	private HttpResponse<String> passwordLogin(String forwardedFor, int attempt) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/login/password"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"identifier\":\"1390000%04d\",\"password\":\"Wrong-Pass-2026\"}".formatted(attempt)));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
