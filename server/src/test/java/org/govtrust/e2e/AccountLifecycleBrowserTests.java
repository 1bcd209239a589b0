package org.govtrust.e2e;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.govtrust.identity.CreateStaffCommand;
import org.govtrust.identity.OperatorService;
import org.govtrust.identity.StaffRole;
import org.govtrust.identity.StaffService;
import org.govtrust.support.BrowserTest;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main account-lifecycle situations through the pages in a real headless Chromium:
 * activation of a migrated account, sign-in and the account page, and the counter clerk's
 * in-person verification that completes a registration the face check kept refusing.
 */
class AccountLifecycleBrowserTests extends BrowserTest {

	@Autowired
	OperatorService operators;

	@Autowired
	StaffService staffService;

	@Test
	void migratedAccountIsActivatedThroughThePagesAndLandsOnTheAccountPage() throws Exception {
		UUID admin = this.jdbc.sql("SELECT id FROM idn_staff WHERE login_name = 'admin'").query(UUID.class).single();
		this.operators.importAccounts(admin, "name,idNumber,phone,status\n王小明," + TestPersons.WANG_ID + ",13912340000,\n");
		this.page.open("/login");
		this.page.fill("#identifier", TestPersons.WANG_ID);
		this.page.fill("#password", "anything-1");
		this.page.submit("#login-submit");
		assertThat(this.page.text("#global-error")).contains("LGN-2001");
		this.page.submit("#go-activation");
		this.page.fill("#idNumber", TestPersons.WANG_ID);
		this.page.submit("#activation-id");
		this.page.fill("#phone", "13912349999");
		this.page.submit("#activation-send");
		assertThat(this.page.text("#global-error")).contains("IDN-2035");
		assertThat(this.browser.findElement(By.id("activation-routes")).getText()).contains("刷脸");
		this.page.fill("#phone", "13912340000");
		this.page.submit("#activation-send");
		this.page.fill("#code", this.page.codeFromOutbox("13912340000"));
		this.page.fill("#password", "Spring-2026!ok");
		this.page.submit("#activation-complete");
		assertThat(this.page.url()).endsWith("/account");
		assertThat(this.page.text("#account-name")).isEqualTo("王*明");
		assertThat(this.browser.findElement(By.id("sessions")).getText()).contains("当前设备");
		this.page.screenshot("account-page");
	}

	@Test
	void signInSetTheBusinessSwitchAndSignOut() throws Exception {
		registerWithApiLikeSteps();
		this.page.open("/login");
		this.page.fill("#identifier", "199 1234 5678");
		this.page.fill("#password", "Spring-2026!ok");
		this.page.submit("#login-submit");
		assertThat(this.page.text("#account-level")).isEqualTo("在线实名核验 · 人脸识别");
		assertThat(this.page.text("#logins")).contains("密码").doesNotContain("PASSWORD");
		assertThat(this.page.text("#business-permission")).contains("否");
		this.page.click("#business-enabled");
		this.page.fill("#until", "2026-12-31");
		this.page.submit("#business-save");
		assertThat(this.page.text("#business-permission")).contains("2026-12-31");
		this.page.submit("#nav-logout");
		assertThat(this.page.text("#signed-out")).contains("您已安全退出");
		this.page.open("/account");
		assertThat(this.page.url()).contains("/login?next=");
	}

	@Test
	void counterVerificationCompletesARegistrationTheFaceCheckRefused() throws Exception {
		this.page.open("/register");
		this.page.fill("#name", "李雷");
		this.page.fill("#idNumber", TestPersons.LI_ID);
		this.page.fill("#validFrom", "2012-06-30");
		this.page.fill("#validTo", "2032-06-30");
		this.page.fill("#phone", "13912345678");
		this.page.submit("#submit");
		this.page.fill("#code", this.page.codeFromOutbox("13912345678"));
		this.page.submit("#verify");
		String identityPage = this.page.url();
		Cookie registrationKey = this.browser.manage().getCookieNamed("GT_REGISTRATION");
		assertThat(registrationKey).isNotNull();
		this.page.submit("#verify-counter");
		assertThat(this.page.text("#global-error")).contains("IDN-2037");

		// the clerk, in a second browser window of the same machine (fresh cookies)
		this.browser.manage().deleteAllCookies();
		this.clock.advance(Duration.ofMinutes(1));
		createClerk();
		this.page.open("/staff/login");
		this.page.fill("#loginName", "clerk1");
		this.page.fill("#password", "Counter-Pass-2026");
		this.page.submit("#staff-password");
		this.page.fill("#code", this.page.codeFromOutbox("13700000002"));
		this.page.submit("#staff-code");
		this.page.submit("#go-counter");
		this.page.fill("#idNumber", TestPersons.LI_ID);
		this.page.submit("#lookup");
		assertThat(this.page.text("#lookup-registration")).contains("待实名核验");
		this.page.click("#doc-id");
		this.page.click("#passed");
		this.page.fill("#note", "本人到场，人证一致");
		this.page.submit("#record-verification");
		assertThat(this.page.text("#done")).contains("台账");
		this.page.screenshot("counter");

		// back in the citizen's window, with its own cookie: another browser would be refused
		this.browser.manage().deleteAllCookies();
		this.browser.get(identityPage);
		assertThat(this.page.text("#error-code")).isEqualTo("IDN-2014");
		this.browser.manage().addCookie(registrationKey);
		this.browser.get(identityPage);
		this.page.submit("#verify-counter");
		assertThat(this.page.url()).endsWith("/account");
		this.page.fill("#password", "Spring-2026!ok");
		this.page.fill("#passwordConfirmation", "Spring-2026!ok");
		this.page.submit("#create-account");
		assertThat(this.page.text("#done-level")).isEqualTo("窗口人工核验");
	}

	private void createClerk() {
		this.staffService.create(new CreateStaffCommand("clerk1", "窗口一号", "13700000002",
				"Counter-Pass-2026", Set.of(StaffRole.CLERK), "黄浦区登记窗口"), "test");
	}

	private void registerWithApiLikeSteps() throws Exception {
		this.page.open("/register");
		this.page.fill("#name", "王小明");
		this.page.fill("#idNumber", TestPersons.WANG_ID);
		this.page.fill("#validFrom", "2016-04-12");
		this.page.fill("#validTo", "2036-04-12");
		this.page.fill("#phone", "19912345678");
		this.page.submit("#submit");
		this.page.fill("#code", this.page.codeFromOutbox("19912345678"));
		this.page.submit("#verify");
		this.page.attachFace("#faceImage");
		this.page.submit("#verify-face");
		this.page.fill("#password", "Spring-2026!ok");
		this.page.fill("#passwordConfirmation", "Spring-2026!ok");
		this.page.submit("#create-account");
		assertThat(this.page.text("#done-title")).isEqualTo("注册成功");
	}








}
