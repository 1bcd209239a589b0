package org.govtrust.sso;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.SecondNode;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A token revoked on one node is inactive on every other at once, although each node keeps
 * the authorizations it has read in parsed form.
 */
@GovTrustTest
class TokensAcrossNodesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ClientService clients;

	@Test
	void tokenRevokedOnOneNodeIsInactiveOnTheOther() throws Exception {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		ClientView client = this.clients.register(new RegisterClientCommand("nodes-backend", "后台", "测试局", null,
				List.of("https://nodes.example.gov.cn/callback"), List.of(), List.of("openid"), true, false, "loa1",
				false, false, null));
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("nodes-backend:" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
		String token = JsonPath.read(this.mvc.perform(post("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.header("Authorization", basic))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.access_token");
		// node 1 reads (and keeps) the authorization, twice
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(post("/oauth2/introspect").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("Authorization", basic)
				.param("token", token))
				.andExpect(jsonPath("$.active").value(true));
		}
		try (SecondNode node2 = SecondNode.start(this.clock)) {
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(node2.url() + "/oauth2/revoke"))
				.header("Authorization", basic)
				.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				.POST(HttpRequest.BodyPublishers.ofString("token=" + token))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(revoked.statusCode()).isEqualTo(200);
		}
		this.mvc.perform(post("/oauth2/introspect").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("token", token))
			.andExpect(jsonPath("$.active").value(false));
	}

}
