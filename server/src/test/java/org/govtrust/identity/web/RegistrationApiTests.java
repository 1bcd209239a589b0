package org.govtrust.identity.web;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.Cookie;

import org.govtrust.identity.AccountView;
import org.govtrust.identity.CreateAccountCommand;
import org.govtrust.identity.RegistrationService;
import org.govtrust.identity.StartRegistrationCommand;
import org.govtrust.identity.adapter.SimulatedNetworkIdentityProvider;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.IdentityAuthorityHook;
import org.govtrust.support.MutableClock;
import org.govtrust.support.RegistrationReadHook;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.UriComponentsBuilder;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration through the JSON API, every outcome of the identity authority and of CTID.
 */
@GovTrustTest
class RegistrationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RegistrationService registrations;

	@Autowired
	JsonMapper json;

	@Autowired
	SimulatedNetworkIdentityProvider ctid;

	@Autowired
	IdentityAuthorityHook authority;

	@Autowired
	RegistrationReadHook registrationReads;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.authority.reset();
		this.registrationReads.reset();
	}

	@Test
	void registerWhenFaceVerifiedThenAccountIsOnlineVerified() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		face(id).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCOUNT_PENDING"))
			.andExpect(jsonPath("$.verificationMethod").value("FACE"));
		this.mvc
			.perform(post("/api/v1/registrations/{id}/account", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\":\"Spring-2026!ok\",\"loginName\":\"Wang.Xiaoming\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.realNameLevel").value("ONLINE_VERIFIED"))
			.andExpect(jsonPath("$.idNumber").value("1101**********1233"))
			.andExpect(jsonPath("$.name").value("王*明"))
			.andExpect(jsonPath("$.loginName").value("wang.xiaoming"));
		String stored = this.jdbc.sql("SELECT id_number_cipher || phone_cipher || password_hash FROM idn_account")
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(TestPersons.WANG_ID).doesNotContain("19912345678").startsWith("A");
		assertThat(this.jdbc.sql("SELECT password_hash FROM idn_account").query(String.class).single())
			.startsWith("{argon2}$argon2id$v=19$m=7168,t=5,p=1$");
	}

	@Test
	void startWhenAccountExistsThenPointsToLogin() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		face(id).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/registrations/{id}/account", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Spring-2026!ok\"}")).andExpect(status().isCreated());
		this.clock.advance(Duration.ofMinutes(2));
		start(TestPersons.wang("13812345678")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDN-2001"))
			.andExpect(jsonPath("$.field").value("idNumber"))
			.andExpect(jsonPath("$.next[0]").value("login"));
	}

	@Test
	void startWhenManyFieldsWrongThenListsEveryField() throws Exception {
		StartRegistrationCommand bad = new StartRegistrationCommand("王2", "110101199003071234", "2016-13-01", "", false,
				"15412345678", false);
		start(bad).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHR-1000"))
			.andExpect(jsonPath("$.errors[?(@.field=='name')].code").value("IDN-1011"))
			.andExpect(jsonPath("$.errors[?(@.field=='idNumber')].code").value("IDN-1006"))
			.andExpect(jsonPath("$.errors[?(@.field=='validFrom')].code").value("IDN-1020"))
			.andExpect(jsonPath("$.errors[?(@.field=='validTo')].code").value("IDN-1023"))
			.andExpect(jsonPath("$.errors[?(@.field=='phone')].code").value("SMS-1002"));
	}

	@Test
	void startWhenLongTermCardAndDotVariantThenNormalisedAndAccepted() throws Exception {
		String id = startAndVerifyPhone(TestPersons.aygul("16212345678"), "16212345678");
		face(id).andExpect(status().isOk()).andExpect(jsonPath("$.longTerm").value(true));
	}

	@Test
	void startWhenLongTermUnderFortySixThenRefusedWithExpectedEnd() throws Exception {
		start(new StartRegistrationCommand("王小明", TestPersons.WANG_ID, "2016-04-12", null, true, "19912345678", false))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("IDN-1026"))
			.andExpect(jsonPath("$.errors[0].detail").value(org.hamcrest.Matchers.containsString("2036-04-12")));
	}

	@Test
	void startWhenTermUnusualThenConfirmationLetsItThrough() throws Exception {
		StartRegistrationCommand unusual = new StartRegistrationCommand("王小明", TestPersons.WANG_ID, "2016-04-12",
				"2026-12-12", false, "19912345678", false);
		start(unusual).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("IDN-1027"));
		StartRegistrationCommand confirmed = new StartRegistrationCommand("王小明", TestPersons.WANG_ID, "2016-04-12",
				"2026-12-12", false, "19912345678", true);
		start(confirmed).andExpect(status().isCreated());
	}

	@Test
	void faceWhenElementsMismatchThenHintsAtLongTermAndOldCards() throws Exception {
		String id = startAndVerifyPhone(TestPersons.chenOldCard("17012345678"), "17012345678");
		face(id).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("IDN-2010"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("还可在线尝试 4 次")));
	}

	@Test
	void faceWhenFaceMismatchThenOwnCode() throws Exception {
		String id = startAndVerifyPhone(TestPersons.li("13912345678"), "13912345678");
		face(id).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("IDN-2011"));
	}

	@Test
	void faceWhenLivenessFailsThenOwnCode() throws Exception {
		String id = startAndVerifyPhone(TestPersons.han("13912345678"), "13912345678");
		face(id).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("IDN-2012"));
	}

	@Test
	void faceWhenAuthorityBusyThenRetryAfterAndNoFailureCounted() throws Exception {
		String id = startAndVerifyPhone(TestPersons.zhang("13912345678"), "13912345678");
		face(id).andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("IDN-5001"))
			.andExpect(jsonPath("$.retryAfter").value(30))
			.andExpect(header().string("Retry-After", "30"));
		assertThat(this.jdbc.sql("SELECT outcome FROM idn_verification_attempt").query(String.class).list())
			.containsExactly("AUTHORITY_BUSY");
	}

	@Test
	void faceWhenAuthorityUnavailableThenOwnCode() throws Exception {
		String id = startAndVerifyPhone(TestPersons.liu("13912345678"), "13912345678");
		face(id).andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.code").value("IDN-5002"));
	}

	@Test
	void faceWhenFailedFiveTimesThenPausedAndCtidStillOpen() throws Exception {
		String id = startAndVerifyPhone(TestPersons.li("13912345678"), "13912345678");
		for (int i = 4; i >= 0; i--) {
			face(id).andExpect(jsonPath("$.code").value("IDN-2011"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("还可在线尝试 " + i + " 次")));
		}
		face(id).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("IDN-2013"))
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity", id)).andExpect(status().isOk());
	}

	@Test
	void faceWhenNotAnImageThenRefusedBeforeTheAuthority() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		this.mvc
			.perform(post("/api/v1/registrations/{id}/face-verification", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"faceImage\":\"" + Base64.getEncoder().encodeToString("GIF89a".getBytes()) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("IDN-1041"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_verification_attempt").query(Long.class).single()).isZero();
	}

	@Test
	void faceWhenSubmittedAgainAfterSuccessThenAnswersWithTheVerifiedRegistration() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		face(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCOUNT_PENDING"));
		face(id).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCOUNT_PENDING"))
			.andExpect(jsonPath("$.verificationMethod").value("FACE"));
		// the repeat asks the authority nothing, so it is no attempt either
		assertThat(this.jdbc.sql("SELECT outcome FROM idn_verification_attempt").query(String.class).list())
			.containsExactly("VERIFIED");
		createAccount(id).andExpect(status().isCreated());
	}

	@Test
	void faceWhenSecondSubmissionOverlapsTheFirstThenBothAnswerVerifiedAndBothAttemptsAreKept() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		// the second submission runs while the authority answers the first, which loaded the
		// registration before the second one changed it
		this.authority.duringNextVerification(
				() -> this.registrations.verifyFace(UUID.fromString(id), TestPersons.faceImage()));
		face(id).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCOUNT_PENDING"))
			.andExpect(jsonPath("$.verificationMethod").value("FACE"));
		assertThat(this.jdbc.sql("SELECT outcome FROM idn_verification_attempt").query(String.class).list())
			.containsExactly("VERIFIED", "VERIFIED");
		createAccount(id).andExpect(status().isCreated());
	}

	@Test
	void accountWhenTheFormIsSentTwiceAtOnceThenBothAnswerWithTheOneAccount() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		face(id).andExpect(status().isOk());
		// the second submission read the registration before the first one created the account
		AtomicReference<AccountView> first = new AtomicReference<>();
		this.registrationReads.afterNextRead(() -> first.set(this.registrations.createAccount(UUID.fromString(id),
				new CreateAccountCommand("Spring-2026!ok", null, null))));
		createAccount(id).andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(first.get().id().toString()));
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_account").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void accountWhenTheRegistrationChangedAfterItWasReadThenConflictAndTheAccountRolledBack() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		face(id).andExpect(status().isOk());
		// another request changed the registration after this one read it: its version moved on
		this.registrationReads.afterNextRead(() -> this.jdbc
			.sql("UPDATE idn_registration SET version = version + 1 WHERE id = :id")
			.param("id", UUID.fromString(id))
			.update());
		createAccount(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("SHR-1008"));
		// the account, inserted before the registration's update failed, was rolled back with it
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_account").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT status FROM idn_registration WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("ACCOUNT_PENDING");
		// so the form sent again creates it
		createAccount(id).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ACTIVE"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_account").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void accountWhenTheRegistrationWasDeletedAfterItWasReadThenGoneAndNoAccount() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		face(id).andExpect(status().isOk());
		// the row went after this request read it and found it open, as when it expires on another
		// node's clock and the purge deletes it (this node's clock must not move: it checks too)
		this.registrationReads.afterNextRead(() -> this.jdbc.sql("DELETE FROM idn_registration WHERE id = :id")
			.param("id", UUID.fromString(id))
			.update());
		createAccount(id).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("IDN-2004"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_registration").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM idn_account").query(Long.class).single()).isZero();
	}

	@Test
	void accountPageWhenTheIdNumberGotItsAccountElsewhereThenSaysSoAboveTheForm() throws Exception {
		String first = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		String second = startAndVerifyPhone(TestPersons.wang("19912345670"), "19912345670");
		face(first).andExpect(status().isOk());
		face(second).andExpect(status().isOk());
		createAccount(first).andExpect(status().isCreated());
		// the form has no ID number field: the message cannot go next to it
		this.mvc.perform(post("/register/{id}/account", second).with(csrf()).param("password", "Spring-2026!ok")
			.param("passwordConfirmation", "Spring-2026!ok"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"global-error\"")))
			.andExpect(content().string(containsString("IDN-2001")));
	}

	@Test
	void stepPagesWhenTheStepIsDoneThenLeadToTheCurrentOne() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		this.mvc.perform(get("/register/{id}/phone", id)).andExpect(header().string("Location", "/register/" + id));
		this.mvc.perform(get("/register/{id}/account", id)).andExpect(header().string("Location", "/register/" + id));
		this.mvc.perform(get("/register/{id}", id)).andExpect(header().string("Location", "/register/" + id + "/identity"));
		this.mvc.perform(get("/register/{id}/identity", id)).andExpect(status().isOk());
		face(id).andExpect(status().isOk());
		createAccount(id).andExpect(status().isCreated());
		// the back button after the account exists: no live form of a step long done
		for (String step : new String[] { "phone", "identity", "account" }) {
			this.mvc.perform(get("/register/{id}/" + step, id)).andExpect(header().string("Location", "/register/" + id));
		}
		this.mvc.perform(get("/register/{id}", id)).andExpect(header().string("Location", "/register/" + id + "/done"));
	}

	@Test
	void pagesWhenStartedInOneBrowserThenNoOtherBrowserContinuesThem() throws Exception {
		StartRegistrationCommand wang = TestPersons.wang("19912345678");
		PageStart started = pageStart(wang);
		String id = started.id();
		String phonePage = "/register/" + id + "/phone";
		Cookie key = started.key();
		assertThat(key.getPath()).isEqualTo("/register/" + id);
		assertThat(key.isHttpOnly()).isTrue();
		// the address alone (a shared computer's history) shows nothing and changes nothing
		this.mvc.perform(get(phonePage)).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("IDN-2014")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(wang.phone().substring(7)))));
		this.mvc.perform(post(phonePage).with(csrf()).param("code", latestCode("19912345678")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(phonePage).cookie(new Cookie("GT_REGISTRATION", "guessed")))
			.andExpect(status().isForbidden());
		// nor disguised (a percent-encoded character of the id), nor through the JSON API
		this.mvc.perform(get(URI.create("/register/%" + Integer.toHexString(id.charAt(0)) + id.substring(1) + "/phone")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/registrations/{id}", id)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("IDN-2014"))
			.andExpect(jsonPath("$.detail").value(containsString("30")));
		this.mvc.perform(post("/api/v1/registrations/{id}/phone-verification", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + latestCode("19912345678") + "\"}"))
			.andExpect(status().isForbidden());
		// the browser that started it goes on
		this.mvc.perform(get(phonePage).cookie(key)).andExpect(status().isOk());
		this.mvc.perform(post(phonePage).with(csrf()).cookie(key).param("code", latestCode("19912345678")))
			.andExpect(header().string("Location", "/register/" + id + "/identity"));
		// CTID may send the person back to another browser: it finishes the step, the password stays with the first
		String toCtid = this.mvc.perform(post("/register/{id}/identity/ctid", id).with(csrf()).cookie(key))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String transaction = UriComponentsBuilder.fromUriString(toCtid).build().getQueryParams().getFirst("transaction");
		this.ctid.answer(transaction, TestPersons.WANG_ID);
		this.mvc.perform(get("/register/{id}/ctid/return", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"elsewhere\"")));
		this.mvc.perform(get("/register/{id}/identity", id).cookie(key))
			.andExpect(header().string("Location", "/register/" + id));
		this.mvc.perform(get("/register/{id}/account", id)).andExpect(status().isForbidden());
		this.mvc.perform(post("/register/{id}/account", id).with(csrf()).cookie(key).param("password", "Spring-2026!ok")
			.param("passwordConfirmation", "Spring-2026!ok"))
			.andExpect(header().string("Location", "/register/" + id + "/done"));
		this.mvc.perform(get("/register/{id}/done", id)).andExpect(status().isForbidden());
		this.mvc.perform(get("/register/{id}/done", id).cookie(key)).andExpect(status().isOk());
	}

	@Test
	void faceWhenPhoneNotVerifiedThenStepOrderEnforced() throws Exception {
		String id = id(start(TestPersons.wang("19912345678")).andExpect(status().isCreated()).andReturn());
		face(id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("IDN-2005"));
	}

	@Test
	void ctidWhenOldCardDatesEnteredThenAuthoritativeDatesAdopted() throws Exception {
		String id = startAndVerifyPhone(TestPersons.chenOldCard("17012345678"), "17012345678");
		String transaction = JsonPath.read(this.mvc.perform(post("/api/v1/registrations/{id}/network-identity", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authorizationUri").value(org.hamcrest.Matchers.startsWith("/simulator/ctid/authorize")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.transactionId");
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDN-2022"));
		this.ctid.answer(transaction, TestPersons.CHEN_ID);
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verificationMethod").value("NETWORK_IDENTITY"));
		assertThat(this.jdbc.sql("SELECT valid_from FROM idn_registration").query(String.class).single())
			.isEqualTo("2023-06-15");
	}

	@Test
	void ctidWhenNoCredentialThenOwnCode() throws Exception {
		String id = startAndVerifyPhone(TestPersons.han("13912345678"), "13912345678");
		String transaction = ctidStart(id);
		this.ctid.answer(transaction, TestPersons.HAN_ID);
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(jsonPath("$.code").value("IDN-2020"));
	}

	@Test
	void ctidWhenAnotherPersonApprovesThenRefused() throws Exception {
		String id = startAndVerifyPhone(TestPersons.li("13912345678"), "13912345678");
		String transaction = ctidStart(id);
		this.ctid.answer(transaction, TestPersons.WANG_ID);
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(jsonPath("$.code").value("IDN-2023"));
	}

	@Test
	void ctidWhenDeclinedThenOwnCode() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		String transaction = ctidStart(id);
		this.ctid.answer(transaction, null);
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(jsonPath("$.code").value("IDN-2021"));
	}

	@Test
	void ctidWhenTheReturnIsReloadedAfterItsOutcomeThenNoOutageAndNoSecondAttempt() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDN-2024"));
		this.ctid.answer(ctidStart(id), null);
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(jsonPath("$.code").value("IDN-2021"));
		// the provider answers a transaction once: asked again, it knows it no more
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("IDN-2024"));
		this.mvc.perform(get("/register/{id}/ctid/return", id))
			.andExpect(content().string(containsString("IDN-2024")));
		assertThat(this.jdbc.sql("SELECT outcome FROM idn_verification_attempt").query(String.class).list())
			.containsExactly("DECLINED");
		// and CTID can be chosen again
		String again = ctidStart(id);
		this.ctid.answer(again, TestPersons.WANG_ID);
		this.mvc.perform(post("/api/v1/registrations/{id}/network-identity/completion", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verificationMethod").value("NETWORK_IDENTITY"));
	}

	@Test
	void phoneWhenWrongCodeThenAttemptsLeftThenVoid() throws Exception {
		String id = id(start(TestPersons.wang("19912345678")).andExpect(status().isCreated()).andReturn());
		String right = latestCode("19912345678");
		String wrong = right.equals("000000") ? "111111" : "000000";
		for (int left = 4; left >= 1; left--) {
			verifyPhone(id, wrong).andExpect(jsonPath("$.code").value("SMS-2005"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(Integer.toString(left))));
		}
		verifyPhone(id, wrong).andExpect(jsonPath("$.code").value("SMS-2007"));
		verifyPhone(id, right).andExpect(jsonPath("$.code").value("SMS-2008"));
	}

	@Test
	void phoneWhenCodeOlderThanFiveMinutesThenExpired() throws Exception {
		String id = id(start(TestPersons.wang("19912345678")).andExpect(status().isCreated()).andReturn());
		this.clock.advance(Duration.ofMinutes(5));
		verifyPhone(id, latestCode("19912345678")).andExpect(jsonPath("$.code").value("SMS-2006"));
	}

	@Test
	void resendWhenWithinAMinuteThenRetryAfterAndNewCodeVoidsOld() throws Exception {
		String id = id(start(TestPersons.wang("19912345678")).andExpect(status().isCreated()).andReturn());
		String first = latestCode("19912345678");
		this.clock.advance(Duration.ofSeconds(30));
		this.mvc.perform(post("/api/v1/registrations/{id}/sms-code", id))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("SMS-2001"))
			.andExpect(jsonPath("$.retryAfter").value(30))
			.andExpect(header().string("Retry-After", "30"));
		this.clock.advance(Duration.ofSeconds(30));
		this.mvc.perform(post("/api/v1/registrations/{id}/sms-code", id)).andExpect(status().isAccepted());
		String second = latestCode("19912345678");
		if (!first.equals(second)) {
			verifyPhone(id, first).andExpect(jsonPath("$.code").value("SMS-2005"));
		}
		verifyPhone(id, second).andExpect(status().isOk());
	}

	@Test
	void getWhenRegistrationOlderThanThirtyMinutesThenGone() throws Exception {
		String id = id(start(TestPersons.wang("19912345678")).andExpect(status().isCreated()).andReturn());
		this.clock.advance(Duration.ofMinutes(30));
		this.mvc.perform(get("/api/v1/registrations/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("IDN-2004"));
	}

	@Test
	void accountWhenPasswordWeakThenEveryProblemNamed() throws Exception {
		String id = startAndVerifyPhone(TestPersons.wang("19912345678"), "19912345678");
		face(id).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/registrations/{id}/account", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\":\"x19900307\",\"loginName\":\"1abc\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field=='password')].code").value("IDN-1032"))
			.andExpect(jsonPath("$.errors[?(@.field=='loginName')].code").value("IDN-1035"));
	}

	@Test
	void problemWhenEnglishRequestedThenEnglishDetail() throws Exception {
		this.mvc
			.perform(post("/api/v1/registrations").header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"王小明\"}"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("4 field(s) need correcting")))
			.andExpect(jsonPath("$.traceId").isNotEmpty());
	}

	@Test
	void purgeWhenRegistrationAbandonedThenItsPersonalDataIsGone() throws Exception {
		String abandoned = id(start(TestPersons.wang("19912345678")).andExpect(status().isCreated()).andReturn());
		this.clock.advance(Duration.ofMinutes(20));
		String recent = id(start(TestPersons.li("13812345678")).andExpect(status().isCreated()).andReturn());
		this.clock.advance(Duration.ofMinutes(11)); // the first is past the 30 minutes, the second is not

		this.registrations.purgeExpired();

		assertThat(this.jdbc.sql("SELECT id FROM idn_registration").query(String.class).list()).containsExactly(recent);
		this.mvc.perform(get("/api/v1/registrations/{id}", abandoned))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("IDN-2004"));
		this.mvc.perform(get("/api/v1/registrations/{id}", recent)).andExpect(status().isOk());
	}

	private ResultActions start(StartRegistrationCommand command) throws Exception {
		return this.mvc.perform(post("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(command)));
	}

	private String startAndVerifyPhone(StartRegistrationCommand command, String phone) throws Exception {
		String id = id(start(command).andExpect(status().isCreated()).andReturn());
		verifyPhone(id, latestCode(phone)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IDENTITY_PENDING"));
		return id;
	}

	private ResultActions verifyPhone(String id, String code) throws Exception {
		return this.mvc.perform(post("/api/v1/registrations/{id}/phone-verification", id)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("code", code))));
	}

	private ResultActions face(String id) throws Exception {
		return this.mvc.perform(post("/api/v1/registrations/{id}/face-verification", id)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"faceImage\":\"" + Base64.getEncoder().encodeToString(TestPersons.faceImage()) + "\"}"));
	}

	private ResultActions createAccount(String id) throws Exception {
		return this.mvc.perform(post("/api/v1/registrations/{id}/account", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Spring-2026!ok\"}"));
	}

	private String ctidStart(String id) throws Exception {
		return JsonPath.read(this.mvc.perform(post("/api/v1/registrations/{id}/network-identity", id))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.transactionId");
	}

	@Test
	void phonePageWhenTheCodeIsUsedUpThenNoLongerSaysItWasSent() throws Exception {
		PageStart started = pageStart(TestPersons.wang("19912345678"));
		String wrong = latestCode("19912345678").equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(post("/register/{id}/phone", started.id()).with(csrf()).cookie(started.key()).param("code", wrong))
				.andExpect(content().string(containsString("SMS-2005")))
				.andExpect(content().string(containsString("id=\"sent\"")));
		}
		this.mvc.perform(post("/register/{id}/phone", started.id()).with(csrf()).cookie(started.key()).param("code", wrong))
			.andExpect(content().string(containsString("SMS-2007")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"sent\""))));
	}

	/** A registration started on the page, as a browser does: its id and the browser's key. */
	private PageStart pageStart(StartRegistrationCommand command) throws Exception {
		MvcResult started = this.mvc.perform(post("/register").with(csrf())
			.param("name", command.name())
			.param("idNumber", command.idNumber())
			.param("validFrom", command.validFrom())
			.param("validTo", command.validTo())
			.param("phone", command.phone()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Cookie key = started.getResponse().getCookie("GT_REGISTRATION");
		assertThat(key).isNotNull();
		return new PageStart(started.getResponse().getRedirectedUrl().split("/")[2], key);
	}

	private record PageStart(String id, Cookie key) {
	}

	private String latestCode(String phone) throws Exception {
		return JsonPath.read(this.mvc.perform(get("/api/v1/simulator/sms-outbox").param("phone", phone))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[0].code");
	}

	private static String id(MvcResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
	}

}
