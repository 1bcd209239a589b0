package org.govtrust.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.SecondNode;
import org.govtrust.support.TestCitizens;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.govtrust.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session begun on one node is honoured by another node on the same database, and ends
 * everywhere at once: no sticky sessions needed behind a load balancer.
 */
@GovTrustTest
class SessionsAcrossNodesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void sessionFromNodeOneWorksOnNodeTwoAndEndsOnBoth() throws Exception {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		WebClient citizen = TestCitizens.registeredAndSignedIn(this.mvc, this.json, TestPersons.wang("19912345678"),
				"19912345678");

		try (SecondNode node2 = SecondNode.start(this.clock)) {
			HttpClient http = HttpClient.newHttpClient();
			HttpRequest account = HttpRequest.newBuilder(URI.create(node2.url() + "/api/v1/account"))
				.header("Cookie", "SESSION=" + citizen.sessionCookie())
				.build();
			HttpResponse<String> onNode2 = http.send(account, HttpResponse.BodyHandlers.ofString());
			assertThat(onNode2.statusCode()).isEqualTo(200);
			assertThat(onNode2.body()).contains("\"idNumber\":\"1101**********1233\"");

			citizen.post("/api/v1/logout", Map.of()).andExpect(status().isNoContent());
			assertThat(http.send(account, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		}
	}

}
