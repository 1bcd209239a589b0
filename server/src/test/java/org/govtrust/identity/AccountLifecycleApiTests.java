package org.govtrust.identity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.govtrust.identity.persistence.VerificationAttempts;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.IdentityAuthorityHook;
import org.govtrust.support.MutableClock;
import org.govtrust.support.PasswordHashWitness;
import org.govtrust.support.RegistrationReadHook;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.govtrust.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every situation of seed 002 (and the name change of seed 000), end to end through the
 * JSON API, with real sessions: citizens, counter clerks and operators each with their own
 * client.
 */
@GovTrustTest
class AccountLifecycleApiTests {

	static final String ADMIN_PHONE = "13800000000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PasswordHashWitness hashWitness;

	@Autowired
	IdentityAuthorityHook authority;

	@Autowired
	CounterLedger ledger;

	@Autowired
	CounterService counter;

	@Autowired
	RegistrationReadHook registrationReads;

	@Autowired
	RegistrationService registrations;

	@Autowired
	FaceVerifier faces;

	@Autowired
	VerificationAttempts attempts;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.hashWitness.reset();
		this.authority.reset();
		this.registrationReads.reset();
	}

	// --- seed 002 §九: activation of migrated accounts ------------------------------------

	@Test
	void activationWithThePhoneOnRecordSignsThePersonIn() throws Exception {
		WebClient operator = staff("operator1", "OPERATOR", "13700000001");
		operator.postText("/api/v1/staff/operator/imports", "text/csv",
				"name,idNumber,phone,status\n王小明," + TestPersons.WANG_ID + ",13912340000,PENDING_ACTIVATION\n")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		WebClient citizen = client();
		// registration and login both send the person to activation
		citizen.post("/api/v1/registrations", TestPersons.wang("19912345678"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDN-2002"));
		citizen.post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "whatever"))
			.andExpect(jsonPath("$.code").value("LGN-2001"));
		citizen.post("/api/v1/activations", Map.of("idNumber", TestPersons.WANG_ID))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING_ACTIVATION"));
		citizen.post("/api/v1/activations/sms-code", Map.of("idNumber", TestPersons.WANG_ID, "phone", "13912340000"))
			.andExpect(status().isAccepted());
		citizen.post("/api/v1/activations/completion", Map.of("idNumber", TestPersons.WANG_ID, "code",
				citizen.latestCode("13912340000"), "password", "Spring-2026!ok"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("CITIZEN"));
		citizen.get("/api/v1/account").andExpect(status().isOk()).andExpect(jsonPath("$.account.status").value("ACTIVE"));
		client().post("/api/v1/login/password", Map.of("identifier", "13912340000", "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
	}

	@Test
	void activationWithAWrongPhoneOffersFaceAndThenANewPhone() throws Exception {
		importPending("王小明", TestPersons.WANG_ID, "13912340000");
		WebClient citizen = client();
		citizen.post("/api/v1/activations/sms-code", Map.of("idNumber", TestPersons.WANG_ID, "phone", "13912349999"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("IDN-2035"))
			.andExpect(jsonPath("$.detail").value(containsString("刷脸")));
		citizen.post("/api/v1/activations/new-phone-code", Map.of("idNumber", TestPersons.WANG_ID, "phone", "18612345678"))
			.andExpect(jsonPath("$.code").value("IDN-2038"));
		citizen.post("/api/v1/activations/face-verification", Map.of("idNumber", TestPersons.WANG_ID, "name", "王小明",
				"validFrom", "2016-04-12", "validTo", "2036-04-12", "faceImage", face()))
			.andExpect(status().isNoContent());
		citizen.post("/api/v1/activations/new-phone-code", Map.of("idNumber", TestPersons.WANG_ID, "phone", "18612345678"))
			.andExpect(status().isAccepted());
		citizen.post("/api/v1/activations/completion", Map.of("idNumber", TestPersons.WANG_ID, "code",
				citizen.latestCode("18612345678"), "password", "Spring-2026!ok", "newPhone", "18612345678"))
			.andExpect(status().isOk());
		citizen.get("/api/v1/account")
			.andExpect(jsonPath("$.account.phone").value("186****5678"))
			.andExpect(jsonPath("$.account.realNameLevel").value("ONLINE_VERIFIED"))
			.andExpect(jsonPath("$.changes[?(@.kind=='PHONE')].newValue").value("186****5678"));
	}

	@Test
	void activationWithAWrongPhoneAfterTheOperatorCorrectsIt() throws Exception {
		WebClient operator = importPending("王小明", TestPersons.WANG_ID, "13912340000");
		operator.post("/api/v1/staff/operator/phone-corrections",
				Map.of("idNumber", TestPersons.WANG_ID, "phone", "15012345678", "reason", ""))
			.andExpect(jsonPath("$.code").value("IDN-1054"));
		operator.post("/api/v1/staff/operator/phone-corrections",
				Map.of("idNumber", TestPersons.WANG_ID, "phone", "15012345678", "reason", "窗口核实，原号码已销号"))
			.andExpect(status().isOk());
		WebClient citizen = client();
		citizen.post("/api/v1/activations/sms-code", Map.of("idNumber", TestPersons.WANG_ID, "phone", "15012345678"))
			.andExpect(status().isAccepted());
		operator.get("/api/v1/staff/ledger").andExpect(jsonPath("$[0].type").value("PHONE_CORRECTION"))
			.andExpect(jsonPath("$[0].details").value(containsString("reason=窗口核实，原号码已销号")));
	}

	// --- seed 002 §十: many failed verifications, then the counter -------------------------

	@Test
	void manyFailedFaceChecksThenCounterVerificationCompletesRegistration() throws Exception {
		WebClient citizen = client();
		String registration = startAndVerifyPhone(citizen, TestPersons.li("13912345678"), "13912345678");
		for (int i = 0; i < 5; i++) {
			citizen.post("/api/v1/registrations/" + registration + "/face-verification", Map.of("faceImage", face()))
				.andExpect(jsonPath("$.code").value("IDN-2011"));
		}
		citizen.post("/api/v1/registrations/" + registration + "/face-verification", Map.of("faceImage", face()))
			.andExpect(jsonPath("$.code").value("IDN-2013"));
		citizen.post("/api/v1/registrations/" + registration + "/counter-verification", Map.of())
			.andExpect(jsonPath("$.code").value("IDN-2037"));

		WebClient clerk = staff("clerk1", "CLERK", "13700000002");
		clerk.post("/api/v1/staff/counter/lookups", Map.of("idNumber", TestPersons.LI_ID))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registration.status").value("IDENTITY_PENDING"))
			.andExpect(jsonPath("$.attempts.length()").value(5))
			.andExpect(jsonPath("$.attempts[0].outcome").value("FACE_MISMATCH"));
		clerk.post("/api/v1/staff/counter/in-person-verifications", Map.of("idNumber", TestPersons.LI_ID, "documents",
				List.of("居民身份证"), "method", "人证比对", "passed", true, "note", "本人到场"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("IN_PERSON_VERIFICATION"))
			.andExpect(jsonPath("$.details").value(containsString("clerk=clerk1")));

		citizen.post("/api/v1/registrations/" + registration + "/counter-verification", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verificationMethod").value("COUNTER"));
		// sent again (a double click): the same answer, not "registration complete, sign in"
		citizen.post("/api/v1/registrations/" + registration + "/counter-verification", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCOUNT_PENDING"));
		citizen.post("/api/v1/registrations/" + registration + "/network-identity", Map.of())
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDN-2009"))
			.andExpect(jsonPath("$.detail").value(containsString("设置密码")));
		citizen.post("/api/v1/registrations/" + registration + "/account", Map.of("password", "Spring-2026!ok"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.realNameLevel").value("COUNTER_VERIFIED"));

		WebClient auditor = signInAdmin();
		auditor.get("/api/v1/staff/ledger/verification").andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
		String csv = auditor.get("/api/v1/staff/ledger.csv").andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(csv).contains("IN_PERSON_VERIFICATION").contains("人证比对").doesNotContain(TestPersons.LI_ID);
		this.jdbc.sql("UPDATE idn_counter_ledger SET details = 'tampered' WHERE seq = 1").update();
		auditor.get("/api/v1/staff/ledger/verification").andExpect(status().isConflict())
			.andExpect(jsonPath("$.firstBrokenSeq").value(1));
	}

	@Test
	void counterVerificationSentTwiceAtTheSameMomentAnswersBothWithTheVerifiedRegistration() throws Exception {
		WebClient citizen = client();
		String registration = startAndVerifyPhone(citizen, TestPersons.li("13912345678"), "13912345678");
		staff("clerk1", "CLERK", "13700000002").post("/api/v1/staff/counter/in-person-verifications",
				Map.of("idNumber", TestPersons.LI_ID, "documents", List.of("居民身份证"), "method", "人证比对", "passed",
						true, "note", "本人到场"))
			.andExpect(status().isCreated());
		// the second submission read the registration before the first one, sent with it, was
		// done: the first uses up the clerk's verification, the second must still not fail
		this.registrationReads.afterNextRead(
				() -> this.registrations.useCounterVerification(UUID.fromString(registration)));
		citizen.post("/api/v1/registrations/" + registration + "/counter-verification", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCOUNT_PENDING"))
			.andExpect(jsonPath("$.verificationMethod").value("COUNTER"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM aud_entry WHERE event_type = 'identity.RealNameVerificationAttempted'")
			.query(Long.class).single()).isEqualTo(1);
		citizen.post("/api/v1/registrations/" + registration + "/account", Map.of("password", "Spring-2026!ok"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.realNameLevel").value("COUNTER_VERIFIED"));
	}

	@Test
	void aFaceCheckWhoseServerStoppedEndsAsInterruptedAndCostsNoTry() throws Exception {
		WebClient citizen = client();
		String registration = startAndVerifyPhone(citizen, TestPersons.li("13912345678"), "13912345678");
		String person = this.jdbc.sql("SELECT id_number_hash FROM idn_registration").query(String.class).single();
		// what a server that stopped while the authority was asked leaves behind
		this.attempts.start(person, UUID.fromString(registration), "FACE", this.clock.instant());
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.faces.markInterrupted()).isZero(); // still waiting, as far as anyone knows
		WebClient clerk = staff("clerk1", "CLERK", "13700000002");
		clerk.post("/api/v1/staff/counter/lookups", Map.of("idNumber", TestPersons.LI_ID))
			.andExpect(jsonPath("$.attempts[0].outcome").value("RUNNING"));

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.faces.markInterrupted()).isEqualTo(1);
		assertThat(this.faces.markInterrupted()).isZero();
		clerk.post("/api/v1/staff/counter/lookups", Map.of("idNumber", TestPersons.LI_ID))
			.andExpect(jsonPath("$.attempts.length()").value(1))
			.andExpect(jsonPath("$.attempts[0].outcome").value("INTERRUPTED"));
		clerk.postText("/staff/counter/lookup", "application/x-www-form-urlencoded", "idNumber=" + TestPersons.LI_ID)
			.andExpect(content().string(containsString("中断（服务重启，未收到公安部门答复；不计入失败次数）")))
			.andExpect(content().string(containsString("进行中的注册：待实名核验")))
			.andExpect(content().string(containsString("<td>人脸识别</td>")));
		assertThat(this.jdbc.sql("SELECT details FROM aud_entry WHERE event_type = 'identity.RealNameVerificationAttempted'")
			.query(String.class).list()).containsExactly("method=FACE; outcome=INTERRUPTED");
		// five failures still pause online verification, not four
		for (int i = 0; i < 4; i++) {
			citizen.post("/api/v1/registrations/" + registration + "/face-verification", Map.of("faceImage", face()))
				.andExpect(jsonPath("$.code").value("IDN-2011"));
		}
		citizen.post("/api/v1/registrations/" + registration + "/face-verification", Map.of("faceImage", face()))
			.andExpect(jsonPath("$.code").value("IDN-2011"));
		citizen.post("/api/v1/registrations/" + registration + "/face-verification", Map.of("faceImage", face()))
			.andExpect(jsonPath("$.code").value("IDN-2013"));
	}

	@Test
	void theSmsSignInPageAskedForASecondCodeTooSoonStillTakesTheFirst() throws Exception {
		registered(TestPersons.wang("19912345678"), "19912345678", false);
		this.clock.advance(Duration.ofMinutes(1)); // the registration's own code went a minute ago
		WebClient citizen = client();
		citizen.postText("/login/sms/code", "application/x-www-form-urlencoded", "identifier=19912345678")
			.andExpect(content().string(containsString("id=\"sms-sent\"")))
			.andExpect(content().string(containsString("id=\"code\"")));
		String code = citizen.latestCode("19912345678");
		citizen.postText("/login/sms/code", "application/x-www-form-urlencoded", "identifier=19912345678")
			.andExpect(content().string(containsString("SMS-2001")))
			.andExpect(content().string(containsString("id=\"code\"")));
		citizen.postText("/login/sms", "application/x-www-form-urlencoded", "identifier=19912345678&code=" + code)
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aFormSentAfterTheSessionEndedComesBackToItsPageAfterSigningIn() throws Exception {
		// the form's own address takes no GET: after signing in, the person goes to the page it was on
		this.mvc.perform(post("/account/business-registration")
			.header("Referer", "http://localhost/account?lang=zh-CN")
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/login?next=%2Faccount%3Flang%3Dzh-CN"));
		this.mvc.perform(post("/account/business-registration")
			.header("Referer", "http://elsewhere.example/account")
			.with(csrf()))
			.andExpect(header().string("Location", "/login"));
		this.mvc.perform(get("/account"))
			.andExpect(header().string("Location", "/login?next=%2Faccount"));
	}

	@Test
	void aFormsAddressOpenedWithGetLeadsToItsPage() throws Exception {
		String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
		this.mvc.perform(get("/login/sms/code").header("Accept", browser))
			.andExpect(header().string("Location", "/login/sms"));
		this.mvc.perform(get("/logout").header("Accept", browser)).andExpect(header().string("Location", "/"));
		WebClient citizen = registered(TestPersons.wang("19912345678"), "19912345678", false);
		citizen.getPage("/account/sessions/whatever/revoke").andExpect(header().string("Location", "/account"));
		citizen.getPage("/account/business-registration").andExpect(header().string("Location", "/account"));
		// an API address, or a client that does not ask for a page, is told which method it takes
		this.mvc.perform(get("/api/v1/login/password"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.code").value("SHR-1007"));
		this.mvc.perform(get("/login/sms/code").header("Accept", "application/json"))
			.andExpect(status().isMethodNotAllowed());
	}

	@Test
	void anInPersonVerificationFormSentTwiceRecordsOneAct() throws Exception {
		WebClient clerk = staff("clerk1", "CLERK", "13700000002");
		Map<String, Object> form = new LinkedHashMap<>(Map.of("idNumber", TestPersons.LI_ID, "documents", List.of("居民身份证"),
				"method", "人证比对", "passed", true, "note", "本人到场", "requestId", "form-0001"));
		String first = clerk.post("/api/v1/staff/counter/in-person-verifications", form)
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String again = clerk.post("/api/v1/staff/counter/in-person-verifications", form)
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(again, "$.seq")).isEqualTo(JsonPath.<Integer>read(first, "$.seq"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_counter_ledger WHERE event_type = 'IN_PERSON_VERIFICATION'")
			.query(Long.class).single()).isEqualTo(1);
		// the same id for another person, or from another clerk, is another act, never a replay of this one
		Map<String, Object> other = new LinkedHashMap<>(form);
		other.put("idNumber", TestPersons.ZHANG_ID);
		String forOther = clerk.post("/api/v1/staff/counter/in-person-verifications", other)
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(forOther, "$.subject")).isNotEqualTo(JsonPath.<String>read(first, "$.subject"));
		WebClient secondClerk = staff("clerk2", "CLERK", "13700000003");
		String bySecond = secondClerk.post("/api/v1/staff/counter/in-person-verifications", form)
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(bySecond, "$.seq")).isNotEqualTo(JsonPath.<Integer>read(first, "$.seq"));
		// another form is another act; a form without an id records every time, as before
		form.put("requestId", "form-0002");
		clerk.post("/api/v1/staff/counter/in-person-verifications", form).andExpect(status().isCreated());
		form.remove("requestId");
		clerk.post("/api/v1/staff/counter/in-person-verifications", form).andExpect(status().isCreated());
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_counter_ledger WHERE event_type = 'IN_PERSON_VERIFICATION'")
			.query(Long.class).single()).isEqualTo(5);
		form.put("requestId", "not an id; really");
		clerk.post("/api/v1/staff/counter/in-person-verifications", form)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("requestId"));
		// the page's form carries an id of its own
		clerk.postText("/staff/counter/lookup", "application/x-www-form-urlencoded", "idNumber=" + TestPersons.LI_ID)
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*name=\"requestId\" value=\"[0-9a-f-]{36}\".*")));
		// and is forgotten after a day
		this.clock.advance(Duration.ofHours(25));
		assertThat(this.counter.forgetOldRequests()).isEqualTo(4);
	}

	@Test
	void aDocumentNameCannotAddFactsOfItsOwnToTheLedgerEntry() throws Exception {
		WebClient clerk = staff("clerk1", "CLERK", "13700000002");
		clerk.post("/api/v1/staff/counter/in-person-verifications", Map.of("idNumber", TestPersons.LI_ID, "documents",
				List.of("居民身份证; outcome=PASSED", " "), "method", "人证比对", "passed", false, "note", ""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.details").value(containsString("documents=居民身份证， outcome=PASSED; method=")))
			.andExpect(jsonPath("$.details").value(containsString("; outcome=FAILED;")));
		clerk.post("/api/v1/staff/counter/in-person-verifications", Map.of("idNumber", TestPersons.LI_ID, "documents",
				List.of(" ", ""), "method", "人证比对", "passed", true))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("IDN-1052"));
	}

	@Test
	void aFaceCheckSentTwiceAtOnceDuringActivationSavesOneAndSaysSoForTheOther() throws Exception {
		importPending("王小明", TestPersons.WANG_ID, "13912340000");
		WebClient citizen = client();
		Map<String, Object> face = Map.of("idNumber", TestPersons.WANG_ID, "name", "王小明", "validFrom", "2016-04-12",
				"validTo", "2036-04-12", "faceImage", face());
		List<Integer> second = new ArrayList<>();
		// the second submission arrives while the authority is still answering the first
		this.authority.duringNextVerification(() -> {
			try {
				second.add(citizen.post("/api/v1/activations/face-verification", face)
					.andReturn()
					.getResponse()
					.getStatus());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		citizen.post("/api/v1/activations/face-verification", face)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("SHR-1008"));
		assertThat(second).containsExactly(204);
		// the one that was saved counts: the person goes on to the new phone
		citizen.post("/api/v1/activations/new-phone-code", Map.of("idNumber", TestPersons.WANG_ID, "phone", "18612345678"))
			.andExpect(status().isAccepted());
	}

	@Test
	void faceChecksSentTogetherGetNoMoreTriesThanOneAfterAnother() throws Exception {
		WebClient citizen = client();
		String registration = startAndVerifyPhone(citizen, TestPersons.li("13912345678"), "13912345678");
		String path = "/api/v1/registrations/" + registration + "/face-verification";
		for (int i = 0; i < 4; i++) {
			citizen.post(path, Map.of("faceImage", face())).andExpect(jsonPath("$.code").value("IDN-2011"));
		}
		// the sixth is sent while the authority still answers the fifth, the last try left
		List<String> sixth = new ArrayList<>();
		this.authority.duringNextVerification(() -> {
			try {
				sixth.add(citizen.post(path, Map.of("faceImage", face()))
					.andExpect(jsonPath("$.code").value("IDN-2013"))
					.andReturn()
					.getResponse()
					.getHeader("Retry-After"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		citizen.post(path, Map.of("faceImage", face())).andExpect(jsonPath("$.code").value("IDN-2011"));
		assertThat(sixth).containsExactly("10"); // it waited for the fifth's answer, and asked nothing
		citizen.post(path, Map.of("faceImage", face())).andExpect(jsonPath("$.code").value("IDN-2013"));
		assertThat(this.jdbc.sql("SELECT outcome FROM idn_verification_attempt ORDER BY id")
			.query(String.class)
			.list()).containsExactly("FACE_MISMATCH", "FACE_MISMATCH", "FACE_MISMATCH", "FACE_MISMATCH",
					"FACE_MISMATCH");
	}

	// --- seed 002 §一: no SMS, the clerk verifies the phone --------------------------------

	@Test
	void clerkVerifiesAPhoneThatCannotReceiveSms() throws Exception {
		WebClient citizen = client();
		String registration = JsonPath.read(citizen.post("/api/v1/registrations", TestPersons.wang("19912345678"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		WebClient clerk = staff("clerk1", "CLERK", "13700000002");
		clerk.post("/api/v1/staff/counter/phone-verifications", Map.of("idNumber", TestPersons.WANG_ID, "note", "电话回拨确认"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("MANUAL_PHONE_VERIFICATION"));
		citizen.get("/api/v1/registrations/" + registration).andExpect(jsonPath("$.status").value("IDENTITY_PENDING"));
	}

	// --- seed 000: name change; seed 002 §十六: a second card --------------------------------

	@Test
	void nameChangeKeepsTheAccountAndTheOldName() throws Exception {
		importPending("王铁柱", TestPersons.WANG_ID, "13912340000");
		WebClient citizen = activate(TestPersons.WANG_ID, "13912340000");
		citizen.post("/api/v1/account/reverification", Map.of("name", "王小明", "validFrom", "2016.04.12", "validTo",
				"2036.04.12", "faceImage", face()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("王*明"))
			.andExpect(jsonPath("$.realNameLevel").value("ONLINE_VERIFIED"));
		citizen.get("/api/v1/account")
			.andExpect(jsonPath("$.changes[?(@.kind=='NAME')].oldValue").value("王*柱"))
			.andExpect(jsonPath("$.changes[?(@.kind=='NAME')].newValue").value("王*明"))
			.andExpect(jsonPath("$.cardValidFrom").value("2016-04-12"));
	}

	@Test
	void secondCardDatesAreUpdatedByReverificationNotByDeregistration() throws Exception {
		WebClient citizen = registered(TestPersons.chenOldCard("17012345678"), "17012345678", true);
		citizen.get("/api/v1/account").andExpect(jsonPath("$.cardValidFrom").value("2023-06-15"));
		citizen.post("/api/v1/account/reverification", Map.of("name", "陈静", "validFrom", "2018-03-01", "validTo",
				"2028-03-01", "faceImage", face()))
			.andExpect(jsonPath("$.code").value("IDN-2010"));
		citizen.post("/api/v1/account/reverification", Map.of("name", "陈静", "validFrom", "2023-06-15", "validTo",
				"2043-06-15", "faceImage", face()))
			.andExpect(status().isOk());
	}

	// --- lost phone, forgotten password ---------------------------------------------------

	@Test
	void lostPhoneIsReplacedAfterAFaceCheck() throws Exception {
		WebClient citizen = registered(TestPersons.wang("19912345678"), "19912345678", false);
		citizen.post("/api/v1/account/phone-change/new-phone-code", Map.of("phone", "18612345678"))
			.andExpect(jsonPath("$.code").value("IDN-2038"));
		citizen.post("/api/v1/account/phone-change/face-verification", Map.of("faceImage", face()))
			.andExpect(status().isNoContent());
		citizen.post("/api/v1/account/phone-change/new-phone-code", Map.of("phone", "18612345678"))
			.andExpect(status().isAccepted());
		citizen.post("/api/v1/account/phone-change/completion",
				Map.of("phone", "18612345678", "code", citizen.latestCode("18612345678")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value("186****5678"));
		client().post("/api/v1/login/password", Map.of("identifier", "18612345678", "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
	}

	@Test
	void phoneChangeWithTheOldPhone() throws Exception {
		WebClient citizen = registered(TestPersons.wang("19912345678"), "19912345678", false);
		this.clock.advance(Duration.ofMinutes(2));
		citizen.post("/api/v1/account/phone-change/old-phone-code", Map.of()).andExpect(status().isAccepted());
		citizen.post("/api/v1/account/phone-change/old-phone-verification",
				Map.of("code", citizen.latestCode("19912345678")))
			.andExpect(status().isNoContent());
		citizen.post("/api/v1/account/phone-change/new-phone-code", Map.of("phone", "18612345678"))
			.andExpect(status().isAccepted());
		citizen.post("/api/v1/account/phone-change/completion",
				Map.of("phone", "18612345678", "code", citizen.latestCode("18612345678")))
			.andExpect(jsonPath("$.phone").value("186****5678"));
	}

	@Test
	void forgottenPasswordIsResetAndOldSessionsEnd() throws Exception {
		WebClient citizen = registered(TestPersons.wang("19912345678"), "19912345678", false);
		citizen.get("/api/v1/account").andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(2));
		WebClient stranger = client();
		// wrong elements: the same answer, but no code goes out
		stranger.post("/api/v1/password-resets", Map.of("name", "王大明", "idNumber", TestPersons.WANG_ID, "validFrom",
				"2016-04-12", "validTo", "2036-04-12"))
			.andExpect(status().isAccepted());
		assertThat(outboxCount("19912345678")).isEqualTo(1);
		WebClient owner = client();
		owner.post("/api/v1/password-resets", Map.of("name", "王小明", "idNumber", TestPersons.WANG_ID, "validFrom",
				"2016-04-12", "validTo", "2036-04-12"))
			.andExpect(status().isAccepted());
		assertThat(outboxCount("19912345678")).isEqualTo(2);
		owner.post("/api/v1/password-resets/completion", Map.of("idNumber", TestPersons.WANG_ID, "code",
				owner.latestCode("19912345678"), "password", "Autumn-2026#new"))
			.andExpect(status().isOk());
		citizen.get("/api/v1/account").andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("LGN-3010"));
		client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Spring-2026!ok"))
			.andExpect(jsonPath("$.code").value("LGN-3001"));
		client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Autumn-2026#new"))
			.andExpect(status().isOk());
	}

	// --- login -------------------------------------------------------------------------

	@Test
	void loginByIdNumberPhoneOrLoginNameAndOneWordingForEveryFailure() throws Exception {
		WebClient citizen = client();
		String registration = startAndVerifyPhone(citizen, TestPersons.wang("19912345678"), "19912345678");
		citizen.post("/api/v1/registrations/" + registration + "/face-verification", Map.of("faceImage", face()));
		citizen.post("/api/v1/registrations/" + registration + "/account",
				Map.of("password", "Spring-2026!ok", "loginName", "xiaoming"));
		for (String identifier : List.of(TestPersons.WANG_ID, "11010119900307123".concat("3"), "19912345678",
				"+86 199 1234 5678", "XiaoMing")) {
			client().post("/api/v1/login/password", Map.of("identifier", identifier, "password", "Spring-2026!ok"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.method").value("PASSWORD"));
		}
		String unknown = client().post("/api/v1/login/password", Map.of("identifier", "nobody", "password", "x"))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
		String wrong = client().post("/api/v1/login/password", Map.of("identifier", "xiaoming", "password", "x"))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(unknown, "$.detail")).isEqualTo(JsonPath.read(wrong, "$.detail"))
			.contains("身份证号、手机号或自定义登录名");
	}

	@Test
	void passwordLoginHashesWithNoDatabaseConnectionHeld() throws Exception {
		registered(TestPersons.wang("19912345678"), "19912345678", false);
		this.hashWitness.reset();
		client().post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
		client().post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "wrong"))
			.andExpect(status().isUnauthorized());
		client().post("/api/v1/login/password", Map.of("identifier", "nobody", "password", "wrong"))
			.andExpect(status().isUnauthorized());
		// one hash a login (the first unknown identifier also makes the decoy hash once)
		assertThat(this.hashWitness.hashes()).isGreaterThanOrEqualTo(3);
		assertThat(this.hashWitness.hashesInTransaction()).isZero();
	}

	@Test
	void passwordLockoutGrowsAndNeverBlocksTheSmsRoute() throws Exception {
		registered(TestPersons.wang("19912345678"), "19912345678", false);
		for (int i = 0; i < 5; i++) {
			client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "wrong-" + i))
				.andExpect(jsonPath("$.code").value("LGN-3001"));
		}
		client().post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "Spring-2026!ok"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("LGN-3002"))
			.andExpect(header().string("Retry-After", "60"));
		// the same for an identifier that matches nobody: no hint that an account exists
		for (int i = 0; i < 5; i++) {
			client().post("/api/v1/login/password", Map.of("identifier", "nobody-here", "password", "wrong-" + i));
		}
		client().post("/api/v1/login/password", Map.of("identifier", "nobody-here", "password", "x"))
			.andExpect(jsonPath("$.code").value("LGN-3002"));
		// the SMS route stays open for the owner
		WebClient owner = client();
		this.clock.advance(Duration.ofMinutes(1));
		owner.post("/api/v1/login/sms-code", Map.of("identifier", TestPersons.WANG_ID)).andExpect(status().isAccepted());
		owner.post("/api/v1/login/sms", Map.of("identifier", TestPersons.WANG_ID, "code", owner.latestCode("19912345678")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("SMS"));
		// the next wrong password doubles the wait
		client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "wrong-again"));
		client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Spring-2026!ok"))
			.andExpect(header().string("Retry-After", "120"));
		this.clock.advance(Duration.ofMinutes(2));
		client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
	}

	@Test
	void passwordGuessesSentTogetherPauseAsIfSentOneAfterAnother() throws Exception {
		registered(TestPersons.wang("19912345678"), "19912345678", false);
		// six guesses, each sent while the one before it is still being hashed: all six are
		// past the pause check before the first one's answer
		List<String> answers = new ArrayList<>();
		this.hashWitness.reset();
		guessDuringHash(1, 6, answers);
		// innermost first: the sixth saw the five before it as failures and was paused
		assertThat(answers).containsExactly("LGN-3002", "LGN-3001", "LGN-3001", "LGN-3001", "LGN-3001", "LGN-3001");
		assertThat(this.hashWitness.hashes()).isEqualTo(5);
		// the pause is that of five failures one after another, and the owner's password waits too
		client().post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "Spring-2026!ok"))
			.andExpect(jsonPath("$.code").value("LGN-3002"))
			.andExpect(header().string("Retry-After", "60"));
		this.clock.advance(Duration.ofMinutes(1));
		client().post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
	}

	@Test
	void aLoginThatWouldBeOverTheLimitOnlyIfOthersStillRunningFailedWaitsSecondsNotMinutes() throws Exception {
		registered(TestPersons.wang("19912345678"), "19912345678", false);
		for (int i = 0; i < 4; i++) {
			client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "wrong-" + i))
				.andExpect(jsonPath("$.code").value("LGN-3001"));
		}
		// the owner sends the right password twice at once (a double click): the second sees four
		// failures and one attempt still running, and waits for its outcome, not for a pause
		List<String> second = new ArrayList<>();
		this.hashWitness.duringNextHash(() -> {
			try {
				second.add(client()
					.post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "Spring-2026!ok"))
					.andExpect(jsonPath("$.code").value("LGN-3002"))
					.andReturn()
					.getResponse()
					.getHeader("Retry-After"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		client().post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
		assertThat(second).containsExactly("5");
		// the success cleared the count
		client().post("/api/v1/login/password", Map.of("identifier", "19912345678", "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT count(*) FROM lgn_failure WHERE key_hash NOT LIKE 'address:%'")
			.query(Long.class)
			.single()).isZero();
	}

	private void guessDuringHash(int guess, int last, List<String> answers) {
		if (guess < last) {
			this.hashWitness.duringNextHash(() -> guessDuringHash(guess + 1, last, answers));
		}
		try {
			String body = client()
				.post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "wrong-" + guess))
				.andReturn()
				.getResponse()
				.getContentAsString();
			answers.add(JsonPath.read(body, "$.code"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void smsLoginRequestAnswersTheSameForUnknownIdentifiers() throws Exception {
		client().post("/api/v1/login/sms-code", Map.of("identifier", "110105194912310021"))
			.andExpect(status().isAccepted());
		client().post("/api/v1/login/sms", Map.of("identifier", "110105194912310021", "code", "123456"))
			.andExpect(jsonPath("$.code").value("SMS-2008"));
	}

	@Test
	void sessionsAreListedAndCanBeEnded() throws Exception {
		WebClient laptop = registered(TestPersons.wang("19912345678"), "19912345678", false);
		WebClient phone = client();
		phone.post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
		String sessions = laptop.get("/api/v1/account/sessions").andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(sessions, "$[?(@.current == false)].id");
		assertThat(ids).hasSize(1);
		// a handle, not the session id: a script on the page cannot take over the other device
		List<String> sessionIds = this.jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name IS NOT NULL")
			.query(String.class)
			.list()
			.stream()
			.map(String::trim)
			.toList();
		assertThat(sessionIds).hasSize(2).doesNotContainAnyElementsOf(JsonPath.<List<String>>read(sessions, "$[*].id"));
		laptop.delete("/api/v1/account/sessions/" + sessionIds.get(0)).andExpect(status().isNotFound());
		laptop.delete("/api/v1/account/sessions/" + ids.get(0)).andExpect(status().isNoContent());
		phone.get("/api/v1/account").andExpect(status().isUnauthorized());
		laptop.get("/api/v1/account/logins").andExpect(jsonPath("$[0].succeeded").value(true));
		// the account page's button ends a session by the same name
		WebClient tablet = client();
		tablet.post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
		List<String> others = JsonPath.read(laptop.get("/api/v1/account/sessions").andReturn().getResponse()
			.getContentAsString(), "$[?(@.current == false)].id");
		assertThat(laptop.get("/account").andReturn().getResponse().getContentAsString())
			.contains("/account/sessions/" + others.get(0) + "/revoke");
		laptop.postText("/account/sessions/" + others.get(0) + "/revoke", "application/x-www-form-urlencoded", "")
			.andExpect(header().string("Location", "/account?sessionEnded"));
		tablet.get("/api/v1/account").andExpect(status().isUnauthorized());
		// pressed twice: ended all the same, not "no such session"
		laptop.postText("/account/sessions/" + others.get(0) + "/revoke", "application/x-www-form-urlencoded", "")
			.andExpect(header().string("Location", "/account?sessionEnded"));
		assertThat(laptop.get("/account?sessionEnded").andReturn().getResponse().getContentAsString())
			.contains("id=\"session-ended\"");
	}

	// --- operators ------------------------------------------------------------------------

	@Test
	void deactivationEndsSessionsAndBlocksLoginUntilReactivated() throws Exception {
		WebClient citizen = registered(TestPersons.wang("19912345678"), "19912345678", false);
		WebClient operator = staff("operator1", "OPERATOR", "13700000001");
		operator.post("/api/v1/staff/operator/deactivations", Map.of("idNumber", TestPersons.WANG_ID, "reason", "本人申请停用"))
			.andExpect(jsonPath("$.status").value("DEACTIVATED"));
		citizen.get("/api/v1/account").andExpect(status().isUnauthorized());
		client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Spring-2026!ok"))
			.andExpect(jsonPath("$.code").value("LGN-3001"));
		operator.post("/api/v1/staff/operator/reactivations", Map.of("idNumber", TestPersons.WANG_ID, "reason", "本人申请恢复"))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		client().post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
	}

	@Test
	void importReportsEveryRejectedRowAndImportsTheRest() throws Exception {
		registered(TestPersons.wang("19912345678"), "19912345678", false);
		WebClient operator = staff("operator1", "OPERATOR", "13700000001");
		String csv = "name,idNumber,phone,status\n" + "李雷," + TestPersons.LI_ID + ",13912340001,\n" + "韩梅梅,"
				+ TestPersons.HAN_ID + ",15412340002,PENDING_ACTIVATION\n" + "张伟,33010619790715123,13912340003,\n"
				+ "王小明," + TestPersons.WANG_ID + ",13912340004,\n" + "李雷," + TestPersons.LI_ID + ",13912340005,\n"
				+ "刘洋," + TestPersons.LIU_ID + ",13912340006,LOST\n" + "只有两列,1\n";
		operator.postText("/api/v1/staff/operator/imports", "text/csv", csv)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected[?(@.line==3)].code").value("SMS-1002"))
			.andExpect(jsonPath("$.rejected[?(@.line==4)].code").value("IDN-1001"))
			.andExpect(jsonPath("$.rejected[?(@.line==5)].code").value("IDN-2040"))
			.andExpect(jsonPath("$.rejected[?(@.line==6)].code").value("IDN-1058"))
			.andExpect(jsonPath("$.rejected[?(@.line==7)].code").value("IDN-1057"))
			.andExpect(jsonPath("$.rejected[?(@.line==8)].code").value("IDN-1056"));
		operator.postText("/api/v1/staff/operator/imports", "text/csv", "wrong,header\n")
			.andExpect(jsonPath("$.code").value("IDN-1055"));
	}

	@Test
	void mergeClosesTheDuplicate() throws Exception {
		WebClient operator = importPending("李雷", TestPersons.LI_ID, "13912340001");
		importPendingWith(operator, "李雷", TestPersons.HAN_ID, "13912340002");
		operator.post("/api/v1/staff/operator/merges", Map.of("survivorIdNumber", TestPersons.LI_ID, "duplicateIdNumber",
				TestPersons.HAN_ID, "reason", "同一人重复导入"))
			.andExpect(status().isOk());
		client().post("/api/v1/activations", Map.of("idNumber", TestPersons.HAN_ID))
			.andExpect(jsonPath("$.code").value("IDN-2034"));
	}

	// --- free text no longer than where it is kept -------------------------------------

	@Test
	void operatorReasonLongerThanItsColumnIsRefusedBeforeAnythingIsWritten() throws Exception {
		WebClient operator = importPending("王小明", TestPersons.WANG_ID, "13912340000");
		importPendingWith(operator, "李雷", TestPersons.LI_ID, "13912340001");
		long ledger = rows("idn_counter_ledger");
		String tooLong = "核".repeat(501);
		Map<String, Map<String, String>> repairs = new LinkedHashMap<>();
		repairs.put("phone-corrections", Map.of("idNumber", TestPersons.WANG_ID, "phone", "15012345678", "reason", tooLong));
		repairs.put("activation-resets", Map.of("idNumber", TestPersons.WANG_ID, "reason", tooLong));
		repairs.put("deactivations", Map.of("idNumber", TestPersons.WANG_ID, "reason", tooLong));
		repairs.put("reactivations", Map.of("idNumber", TestPersons.WANG_ID, "reason", tooLong));
		repairs.put("merges", Map.of("survivorIdNumber", TestPersons.WANG_ID, "duplicateIdNumber", TestPersons.LI_ID,
				"reason", tooLong));
		for (Map.Entry<String, Map<String, String>> repair : repairs.entrySet()) {
			operator.post("/api/v1/staff/operator/" + repair.getKey(), repair.getValue())
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("IDN-1060"))
				.andExpect(jsonPath("$.field").value("reason"))
				.andExpect(jsonPath("$.detail").value(containsString("500")));
		}
		assertThat(rows("idn_account_change")).isZero();
		assertThat(rows("idn_counter_ledger")).isEqualTo(ledger);
		assertThat(this.jdbc.sql("SELECT DISTINCT status FROM idn_account").query(String.class).list())
			.containsExactly("PENDING_ACTIVATION");
		operator.post("/api/v1/staff/operator/deactivations",
				Map.of("idNumber", TestPersons.WANG_ID, "reason", "核".repeat(500)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DEACTIVATED"));
	}

	@Test
	void clerkTextLongerThanTheLedgerKeepsIsRefusedBeforeAnythingIsWritten() throws Exception {
		client().post("/api/v1/registrations", TestPersons.wang("19912345678")).andExpect(status().isCreated());
		WebClient clerk = staff("clerk1", "CLERK", "13700000002");
		String tooLong = "核".repeat(2000);
		clerk.post("/api/v1/staff/counter/in-person-verifications", Map.of("idNumber", TestPersons.WANG_ID,
				"documents", List.of("居民身份证"), "method", "人证比对", "passed", true, "note", tooLong))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("IDN-1060"))
			.andExpect(jsonPath("$.field").value("note"));
		clerk.post("/api/v1/staff/counter/in-person-verifications", Map.of("idNumber", TestPersons.WANG_ID,
				"documents", List.of("居民身份证"), "method", tooLong, "passed", true, "note", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("IDN-1060"))
			.andExpect(jsonPath("$.field").value("method"));
		clerk.post("/api/v1/staff/counter/in-person-verifications", Map.of("idNumber", TestPersons.WANG_ID,
				"documents", List.of(tooLong), "method", "人证比对", "passed", true, "note", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("IDN-1060"))
			.andExpect(jsonPath("$.field").value("documents"));
		clerk.post("/api/v1/staff/counter/phone-verifications", Map.of("idNumber", TestPersons.WANG_ID, "note", tooLong))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("IDN-1060"))
			.andExpect(jsonPath("$.field").value("note"));
		assertThat(rows("idn_counter_ledger")).isZero();
		assertThat(rows("idn_identity_proof")).isZero();
		assertThat(this.jdbc.sql("SELECT status FROM idn_registration").query(String.class).single())
			.isEqualTo("PHONE_PENDING");
		clerk.post("/api/v1/staff/counter/phone-verifications",
				Map.of("idNumber", TestPersons.WANG_ID, "note", "核".repeat(500)))
			.andExpect(status().isCreated());
	}

	@Test
	void aStaffFormWithARoleItDoesNotOfferIsAnsweredOnThePage() throws Exception {
		WebClient admin = signInAdmin();
		admin.postText("/staff/admin", "application/x-www-form-urlencoded",
				"loginName=clerk8&name=%E6%B5%8B%E8%AF%95&phone=13700000008&password=Counter-Pass-2026&roles=BOGUS")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("IDN-1051")))
			// the staff list names roles as people read them
			.andExpect(content().string(containsString("审计员")))
			.andExpect(content().string(not(containsString("<td>["))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_staff WHERE login_name = 'clerk8'").query(Long.class).single())
			.isZero();
	}

	@Test
	void staffLocationLongerThanItsColumnIsRefusedWithTheField() throws Exception {
		WebClient admin = signInAdmin();
		Map<String, Object> clerk = new LinkedHashMap<>(Map.of("loginName", "clerk9", "name", "测试人员", "phone",
				"13700000009", "password", "Counter-Pass-2026", "roles", List.of("CLERK"), "location", "窗".repeat(201)));
		admin.post("/api/v1/staff/admin/staff", clerk)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHR-1000"))
			.andExpect(jsonPath("$.errors[?(@.field=='location')].code").value("IDN-1060"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_staff WHERE login_name = 'clerk9'").query(Long.class).single())
			.isZero();
		clerk.put("location", "窗".repeat(200));
		admin.post("/api/v1/staff/admin/staff", clerk).andExpect(status().isCreated());
	}

	// --- the counter ledger's export ------------------------------------------------------

	@Test
	void ledgerExportHoldsEveryEntryNotOnlyTheNewest() throws Exception {
		for (int i = 1; i <= 1234; i++) {
			this.ledger.record(i % 2 == 0 ? "EVEN_ACT" : "ODD_ACT", "account:" + i, "n=" + i);
		}
		WebClient auditor = signInAdmin();
		List<String> all = csvLines(auditor, "/api/v1/staff/ledger.csv");
		assertThat(all).hasSize(1 + 1234);
		assertThat(all.get(0)).isEqualTo("\uFEFFseq,time,act,subject,details");
		assertThat(all.get(1)).startsWith("1234,");
		assertThat(all.get(1234)).startsWith("1,").endsWith(",\"ODD_ACT\",\"account:1\",\"n=1\"");
		List<String> even = csvLines(auditor, "/api/v1/staff/ledger.csv?act=EVEN_ACT");
		assertThat(even).hasSize(1 + 617);
		assertThat(even.subList(1, even.size())).allMatch((line) -> line.contains(",\"EVEN_ACT\","));
		// the search for a screen holds the newest 500, and says that there may be more
		auditor.get("/api/v1/staff/ledger")
			.andExpect(jsonPath("$.length()").value(500))
			.andExpect(header().string("X-Result-Limit", "500"));
		auditor.get("/api/v1/staff/ledger?subject=account:7").andExpect(jsonPath("$.length()").value(1))
			.andExpect(header().doesNotExist("X-Result-Limit"));
		auditor.get("/staff/ledger").andExpect(content().string(containsString("id=\"ledger-limited\"")));
		auditor.get("/staff/ledger?act=NO_SUCH_ACT").andExpect(content().string(not(containsString("ledger-limited"))));
	}

	// --- the business-registration switch ---------------------------------------------

	@Test
	void businessRegistrationSwitchHoldsWithinItsValidity() throws Exception {
		WebClient citizen = registered(TestPersons.wang("19912345678"), "19912345678", false);
		citizen.get("/api/v1/account/business-registration-permission")
			.andExpect(jsonPath("$.allowed").value(false))
			.andExpect(jsonPath("$.reason").value("SWITCH_OFF"));
		citizen.put("/api/v1/account/business-registration", Map.of("enabled", true, "until", "2027-12-31"))
			.andExpect(jsonPath("$.code").value("IDN-1050"));
		citizen.put("/api/v1/account/business-registration", Map.of("enabled", true, "until", "2026-12-31"))
			.andExpect(jsonPath("$.allowed").value(true));
		this.clock.set(LocalDate.of(2027, 1, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
		citizen.get("/api/v1/account/business-registration-permission")
			.andExpect(jsonPath("$.allowed").value(false))
			.andExpect(jsonPath("$.reason").value("EXPIRED"));
	}

	// --- staff ------------------------------------------------------------------------

	@Test
	void staffConsolesNeedTheSmsSecondFactorAndTheRightRole() throws Exception {
		WebClient half = client();
		half.post("/api/v1/staff/login/password", Map.of("loginName", "admin", "password", "Console-Pass-2026"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.next").value("code"));
		half.post("/api/v1/staff/counter/lookups", Map.of("idNumber", TestPersons.WANG_ID))
			.andExpect(status().isUnauthorized());
		// a second code to the same staff phone within a minute is refused, with the wait
		client().post("/api/v1/staff/login/password", Map.of("loginName", "admin", "password", "Console-Pass-2026"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("SMS-2001"));
		this.clock.advance(Duration.ofMinutes(1));
		WebClient admin = signInAdmin();
		admin.post("/api/v1/staff/counter/lookups", Map.of("idNumber", TestPersons.WANG_ID))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("LGN-3011"));
		client().post("/api/v1/staff/login/password", Map.of("loginName", "admin", "password", "wrong"))
			.andExpect(jsonPath("$.code").value("LGN-3001"));
		WebClient citizen = registered(TestPersons.wang("19912345678"), "19912345678", false);
		citizen.post("/api/v1/staff/counter/lookups", Map.of("idNumber", TestPersons.WANG_ID))
			.andExpect(status().isForbidden());
	}

	// --- helpers ------------------------------------------------------------------------

	private long rows(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static List<String> csvLines(WebClient client, String path) throws Exception {
		return client.get(path)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("counter-ledger.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.lines()
			.toList();
	}

	private WebClient client() {
		return new WebClient(this.mvc, this.json);
	}

	private WebClient signInAdmin() throws Exception {
		return signInStaff("admin", "Console-Pass-2026", ADMIN_PHONE);
	}

	private WebClient signInStaff(String loginName, String password, String phone) throws Exception {
		WebClient staff = client();
		staff.post("/api/v1/staff/login/password", Map.of("loginName", loginName, "password", password))
			.andExpect(status().isAccepted());
		staff.post("/api/v1/staff/login/code", Map.of("code", staff.latestCode(phone)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("STAFF"));
		this.clock.advance(Duration.ofMinutes(1));
		return staff;
	}

	private WebClient staff(String loginName, String role, String phone) throws Exception {
		WebClient admin = signInAdmin();
		admin.post("/api/v1/staff/admin/staff", Map.of("loginName", loginName, "name", "测试人员", "phone", phone,
				"password", "Counter-Pass-2026", "roles", List.of(role), "location", "黄浦区登记窗口"))
			.andExpect(status().isCreated());
		return signInStaff(loginName, "Counter-Pass-2026", phone);
	}

	private WebClient importPending(String name, String idNumber, String phone) throws Exception {
		WebClient operator = staff("operator1", "OPERATOR", "13700000001");
		importPendingWith(operator, name, idNumber, phone);
		return operator;
	}

	private void importPendingWith(WebClient operator, String name, String idNumber, String phone) throws Exception {
		operator.postText("/api/v1/staff/operator/imports", "text/csv",
				"name,idNumber,phone,status\n" + name + "," + idNumber + "," + phone + ",\n")
			.andExpect(jsonPath("$.accepted").value(1));
	}

	private WebClient activate(String idNumber, String phone) throws Exception {
		WebClient citizen = client();
		citizen.post("/api/v1/activations/sms-code", Map.of("idNumber", idNumber, "phone", phone))
			.andExpect(status().isAccepted());
		citizen.post("/api/v1/activations/completion",
				Map.of("idNumber", idNumber, "code", citizen.latestCode(phone), "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
		return citizen;
	}

	private String startAndVerifyPhone(WebClient citizen, StartRegistrationCommand command, String phone)
			throws Exception {
		String id = JsonPath.read(citizen.post("/api/v1/registrations", command)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		citizen.post("/api/v1/registrations/" + id + "/phone-verification", Map.of("code", citizen.latestCode(phone)))
			.andExpect(status().isOk());
		return id;
	}

	/** Registers (by face, or by CTID for a person the face check refuses) and signs in. */
	private WebClient registered(StartRegistrationCommand command, String phone, boolean ctid) throws Exception {
		WebClient citizen = client();
		String id = startAndVerifyPhone(citizen, command, phone);
		if (ctid) {
			String transaction = JsonPath.read(citizen.post("/api/v1/registrations/" + id + "/network-identity", Map.of())
				.andReturn().getResponse().getContentAsString(), "$.transactionId");
			this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/simulator/ctid/authorize")
				.param("transaction", transaction)
				.param("idNumber", command.idNumber())
				.param("decision", "approve")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
			citizen.post("/api/v1/registrations/" + id + "/network-identity/completion", Map.of())
				.andExpect(status().isOk());
		}
		else {
			citizen.post("/api/v1/registrations/" + id + "/face-verification", Map.of("faceImage", face()))
				.andExpect(status().isOk());
		}
		citizen.post("/api/v1/registrations/" + id + "/account", Map.of("password", "Spring-2026!ok"))
			.andExpect(status().isCreated());
		citizen.post("/api/v1/login/password", Map.of("identifier", command.idNumber(), "password", "Spring-2026!ok"))
			.andExpect(status().isOk());
		return citizen;
	}

	private long outboxCount(String phone) throws Exception {
		List<?> messages = JsonPath.read(client().get("/api/v1/simulator/sms-outbox?phone=" + phone)
			.andReturn().getResponse().getContentAsString(), "$");
		return messages.size();
	}

	private static String face() {
		return Base64.getEncoder().encodeToString(TestPersons.faceImage());
	}


}
