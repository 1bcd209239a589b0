package org.govtrust.support;

import java.util.Base64;
import java.util.Map;

import org.govtrust.identity.StartRegistrationCommand;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Citizens as tests need them: registered through the API (face check, password
 * {@value #PASSWORD}) and signed in, each with their own client.
 */
public final class TestCitizens {

	/** The password every test citizen gets. */
	public static final String PASSWORD = "Spring-2026!ok";

	private TestCitizens() {
	}

	/**
	 * Registers a fixture person by face and signs them in with their password.
	 * @param mvc the application
	 * @param json the mapper
	 * @param command the person
	 * @param phone the phone in the command (where the simulator delivers the code)
	 * @return the signed-in client
	 */
	public static WebClient registeredAndSignedIn(MockMvc mvc, JsonMapper json, StartRegistrationCommand command,
			String phone) throws Exception {
		WebClient citizen = new WebClient(mvc, json);
		String id = JsonPath.read(citizen.post("/api/v1/registrations", command)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		citizen.post("/api/v1/registrations/" + id + "/phone-verification", Map.of("code", citizen.latestCode(phone)))
			.andExpect(status().isOk());
		citizen.post("/api/v1/registrations/" + id + "/face-verification",
				Map.of("faceImage", Base64.getEncoder().encodeToString(TestPersons.faceImage())))
			.andExpect(status().isOk());
		citizen.post("/api/v1/registrations/" + id + "/account", Map.of("password", PASSWORD))
			.andExpect(status().isCreated());
		citizen.post("/api/v1/login/password", Map.of("identifier", command.idNumber(), "password", PASSWORD))
			.andExpect(status().isOk());
		return citizen;
	}

}
