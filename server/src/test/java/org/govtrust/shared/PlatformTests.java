package org.govtrust.shared;

import java.util.Base64;
import java.util.Map;

import org.govtrust.GovTrustApplication;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Platform-wide promises: schema by Flyway, errors in the catalogue's words, security
 * headers, no personal data in logs, simulators refused in production.
 */
@GovTrustTest
@ExtendWith(OutputCaptureExtension.class)
class PlatformTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
	}

	@Test
	void schemaComesFromFlyway() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success = true")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3L);
	}

	@Test
	void unknownApiAddressAnswersProblemDetail() throws Exception {
		this.mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("SHR-1004"));
	}

	@Test
	void unknownPageAnswersTheErrorPageInChinese() throws Exception {
		this.mvc.perform(get("/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("页面或资源不存在")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("SHR-1004")));
	}

	@Test
	void pagesSwitchToEnglishAndRememberIt() throws Exception {
		var cookie = this.mvc.perform(get("/").param("lang", "en"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Welcome to GovTrust")))
			.andReturn()
			.getResponse()
			.getCookie("govtrust_lang");
		assertThat(cookie).isNotNull();
		this.mvc.perform(get("/register").cookie(cookie))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Register with your real name")));
		this.mvc.perform(get("/register"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("实名注册")));
	}

	@Test
	void formPostWithoutCsrfTokenIsRefusedWithRemedy() throws Exception {
		this.mvc.perform(post("/register").param("name", "王小明"))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		this.mvc.perform(get("/register"))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().exists("X-Trace-Id"));
	}

	@Test
	void openApiDocumentsTheRegistrationApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/registrations'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/registrations/{id}/face-verification'].post").exists());
	}

	@Test
	void registrationLogsNoPersonalData(CapturedOutput output) throws Exception {
		String body = this.json.writeValueAsString(TestPersons.wang("19912345678"));
		String id = JsonPath.read(this.mvc
			.perform(post("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String code = this.jdbc.sql("SELECT message FROM sms_sim_outbox").query(String.class).single()
			.replaceAll("\\D*(\\d{6}).*", "$1");
		this.mvc.perform(post("/api/v1/registrations/{id}/phone-verification", id)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("code", code)))).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/registrations/{id}/face-verification", id)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"faceImage\":\"" + Base64.getEncoder().encodeToString(TestPersons.faceImage()) + "\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/registrations/{id}/account", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Spring-2026!ok\"}")).andExpect(status().isCreated());
		assertThat(output.getAll()).contains("created account")
			.doesNotContain(TestPersons.WANG_ID)
			.doesNotContain("19912345678")
			.doesNotContain("王小明")
			.doesNotContain("Spring-2026!ok")
			.doesNotContain(" " + code);
	}

	@Test
	void prodProfileRefusesSimulators() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(GovTrustApplication.class).profiles("test", "prod")
				.web(WebApplicationType.SERVLET)
				.properties("server.port=0")
				.run("--govtrust.simulators.enabled=true")
				.close())
			.withStackTraceContaining("the prod profile refuses the built-in simulators")
			.withStackTraceContaining("GOVTRUST_DB_URL");
	}

	@Test
	void simulatorsOffWithoutRealGatewaysRefusesToStartAndSaysWhatToDo(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(GovTrustApplication.class).profiles("test")
				.web(WebApplicationType.SERVLET)
				.properties("server.port=0")
				.run("--govtrust.simulators.enabled=false")
				.close())
			.withStackTraceContaining("No qualifying bean of type 'org.govtrust.identity.spi.IdentityAuthority'");
		// the failure analysis printed instead of Spring's "Consider defining a bean"
		assertThat(output.getOut()).contains("GovTrust needs org.govtrust.identity.spi.IdentityAuthority, its link to "
				+ "an outside system, and none is registered: the built-in simulators are switched off")
			.contains("switch the simulators on (govtrust.simulators.enabled=true")
			.doesNotContain("Consider defining a bean of type 'org.govtrust.identity.spi.IdentityAuthority'");
	}

}
