package org.govtrust.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.govtrust.identity.CreateStaffCommand;
import org.govtrust.identity.OperatorService;
import org.govtrust.identity.StaffRole;
import org.govtrust.identity.StaffService;
import org.govtrust.support.Browser;
import org.govtrust.support.MutableClock;
import org.govtrust.support.TestClockConfiguration;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main account-lifecycle situations through the pages in a real headless Chromium:
 * activation of a migrated account, sign-in and the account page, and the counter clerk's
 * in-person verification that completes a registration the face check kept refusing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AccountLifecycleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	OperatorService operators;

	@Autowired
	StaffService staffService;

	ChromeDriver browser;

	@BeforeEach
	void setUp() throws Exception {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.browser = Browser.start(390, 844);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void migratedAccountIsActivatedThroughThePagesAndLandsOnTheAccountPage() throws Exception {
		UUID admin = this.jdbc.sql("SELECT id FROM idn_staff WHERE login_name = 'admin'").query(UUID.class).single();
		this.operators.importAccounts(admin, "name,idNumber,phone,status\n王小明," + TestPersons.WANG_ID + ",13912340000,\n");
		open("/login");
		fill("#identifier", TestPersons.WANG_ID);
		fill("#password", "anything-1");
		submit("#login-submit");
		assertThat(text("#global-error")).contains("LGN-2001");
		submit("#go-activation");
		fill("#idNumber", TestPersons.WANG_ID);
		submit("#activation-id");
		fill("#phone", "13912349999");
		submit("#activation-send");
		assertThat(text("#global-error")).contains("IDN-2035");
		assertThat(this.browser.findElement(By.id("activation-routes")).getText()).contains("刷脸");
		fill("#phone", "13912340000");
		submit("#activation-send");
		fill("#code", codeFromOutbox("13912340000"));
		fill("#password", "Spring-2026!ok");
		submit("#activation-complete");
		assertThat(this.browser.getCurrentUrl()).endsWith("/account");
		assertThat(text("#account-name")).isEqualTo("王*明");
		assertThat(this.browser.findElement(By.id("sessions")).getText()).contains("当前设备");
		screenshot("account-page");
	}

	@Test
	void signInSetTheBusinessSwitchAndSignOut() throws Exception {
		registerWithApiLikeSteps();
		open("/login");
		fill("#identifier", "199 1234 5678");
		fill("#password", "Spring-2026!ok");
		submit("#login-submit");
		assertThat(text("#account-level")).isEqualTo("在线实名核验 · 人脸识别");
		assertThat(text("#business-permission")).contains("否");
		click("#business-enabled");
		fill("#until", "2026-12-31");
		submit("#business-save");
		assertThat(text("#business-permission")).contains("2026-12-31");
		submit("#nav-logout");
		open("/account");
		assertThat(this.browser.getCurrentUrl()).contains("/login?next=");
	}

	@Test
	void counterVerificationCompletesARegistrationTheFaceCheckRefused() throws Exception {
		open("/register");
		fill("#name", "李雷");
		fill("#idNumber", TestPersons.LI_ID);
		fill("#validFrom", "2012-06-30");
		fill("#validTo", "2032-06-30");
		fill("#phone", "13912345678");
		submit("#submit");
		fill("#code", codeFromOutbox("13912345678"));
		submit("#verify");
		String identityPage = this.browser.getCurrentUrl();
		submit("#verify-counter");
		assertThat(text("#global-error")).contains("IDN-2037");

		// the clerk, in a second browser window of the same machine (fresh cookies)
		this.browser.manage().deleteAllCookies();
		this.clock.advance(Duration.ofMinutes(1));
		createClerk();
		open("/staff/login");
		fill("#loginName", "clerk1");
		fill("#password", "Counter-Pass-2026");
		submit("#staff-password");
		fill("#code", codeFromOutbox("13700000002"));
		submit("#staff-code");
		submit("#go-counter");
		fill("#idNumber", TestPersons.LI_ID);
		submit("#lookup");
		assertThat(text("#lookup-registration")).contains("IDENTITY_PENDING");
		click("#doc-id");
		click("#passed");
		fill("#note", "本人到场，人证一致");
		submit("#record-verification");
		assertThat(text("#done")).contains("台账");
		screenshot("counter");

		this.browser.manage().deleteAllCookies();
		this.browser.get(identityPage);
		submit("#verify-counter");
		assertThat(this.browser.getCurrentUrl()).endsWith("/account");
		fill("#password", "Spring-2026!ok");
		fill("#passwordConfirmation", "Spring-2026!ok");
		submit("#create-account");
		assertThat(text("#done-level")).isEqualTo("窗口人工核验 · 窗口人工核验");
	}

	private void createClerk() {
		this.staffService.create(new CreateStaffCommand("clerk1", "窗口一号", "13700000002",
				"Counter-Pass-2026", Set.of(StaffRole.CLERK), "黄浦区登记窗口"), "test");
	}

	private void registerWithApiLikeSteps() throws Exception {
		open("/register");
		fill("#name", "王小明");
		fill("#idNumber", TestPersons.WANG_ID);
		fill("#validFrom", "2016-04-12");
		fill("#validTo", "2036-04-12");
		fill("#phone", "19912345678");
		submit("#submit");
		fill("#code", codeFromOutbox("19912345678"));
		submit("#verify");
		Path face = Files.createTempFile("face", ".jpg");
		Files.write(face, TestPersons.faceImage());
		this.browser.findElement(By.id("faceImage")).sendKeys(face.toString());
		submit("#verify-face");
		fill("#password", "Spring-2026!ok");
		fill("#passwordConfirmation", "Spring-2026!ok");
		submit("#create-account");
		assertThat(text("#done-title")).isEqualTo("注册成功");
	}

	/** Reads the newest code in a second tab, as a person would glance at their phone. */
	private String codeFromOutbox(String phone) {
		String form = this.browser.getWindowHandle();
		this.browser.switchTo().newWindow(WindowType.TAB);
		open("/simulator/sms-outbox?phone=" + phone);
		List<WebElement> codes = this.browser.findElements(By.cssSelector("#outbox td.code"));
		assertThat(codes).isNotEmpty();
		String code = codes.get(0).getText();
		this.browser.close();
		this.browser.switchTo().window(form);
		return code;
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void click(String css) {
		this.browser.findElement(By.cssSelector(css)).click();
	}

	private void submit(String css) {
		WebElement page = this.browser.findElement(By.tagName("html"));
		click(css);
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until((driver) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// stale, or already detached from the new document: the old page is gone
				return true;
			}
		});
	}

	private void fill(String css, String value) {
		WebElement input = this.browser.findElement(By.cssSelector(css));
		input.clear();
		input.sendKeys(value);
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private void screenshot(String name) throws Exception {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
