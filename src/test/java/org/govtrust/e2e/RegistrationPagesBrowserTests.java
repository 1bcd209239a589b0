package org.govtrust.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.govtrust.support.Browser;
import org.govtrust.support.TestClockConfiguration;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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
 * The registration wizard in a real headless Chromium, at phone size: what a citizen sees
 * and clicks, from the home page to a verified account, and the failures on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RegistrationPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ChromeDriver browser;

	@BeforeEach
	void setUp() throws Exception {
		TestDatabase.reset(this.jdbc);
		this.browser = Browser.start(390, 844);
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void registerThroughThePagesWithFaceCheck() throws Exception {
		open("/");
		submit("#register-link");
		assertThat(this.browser.getTitle()).contains("实名注册");
		fill("#name", "王小明");
		fill("#idNumber", "110101 19900307 1233");
		fill("#validFrom", "2016.04.12");
		fill("#validTo", "2036.04.12");
		fill("#phone", "199 1234 5678");
		submit("#submit");
		assertThat(text("#sent")).contains("199****5678");
		String phonePage = this.browser.getCurrentUrl();
		String code = codeFromOutbox("19912345678");
		this.browser.get(phonePage);
		fill("#code", code);
		submit("#verify");
		assertThat(this.browser.getCurrentUrl()).endsWith("/identity");
		this.browser.findElement(By.id("faceImage")).sendKeys(faceFile().toString());
		submit("#verify-face");
		assertThat(this.browser.getCurrentUrl()).endsWith("/account");
		fill("#password", "Spring-2026!ok");
		fill("#passwordConfirmation", "Spring-2026!ok");
		submit("#create-account");
		assertThat(text("#done-title")).isEqualTo("注册成功");
		assertThat(text("#done-id")).isEqualTo("1101**********1233");
		assertThat(text("#done-level")).isEqualTo("在线实名核验 · 人脸识别");
		assertNoHorizontalScroll();
		screenshot("registration-done");
	}

	@Test
	void wrongInputShowsEveryFieldErrorAndKeepsWhatWasTyped() throws Exception {
		open("/register");
		fill("#name", "王小明2");
		fill("#idNumber", TestPersons.WANG_ID);
		fill("#validFrom", "2016-04-12");
		click("#longTerm");
		fill("#phone", "15412345678");
		submit("#submit");
		assertThat(text("#global-error")).contains("SHR-1000");
		assertThat(text("#name-error")).contains("不能有数字").contains("IDN-1011");
		assertThat(text("#validTo-error")).contains("IDN-1026").contains("2036-04-12");
		assertThat(text("#phone-error")).contains("154").contains("SMS-1002");
		assertThat(this.browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("王小明2");
		assertNoHorizontalScroll();
		screenshot("registration-errors");
	}

	@Test
	void faceMismatchOffersCtidAndCtidFinishesWithTheNewCardDates() throws Exception {
		open("/register");
		fill("#name", "陈静");
		fill("#idNumber", TestPersons.CHEN_ID);
		fill("#validFrom", "2018-03-01");
		fill("#validTo", "2028-03-01");
		fill("#phone", "17012345678");
		submit("#submit");
		String phonePage = this.browser.getCurrentUrl();
		String code = codeFromOutbox("17012345678");
		this.browser.get(phonePage);
		fill("#code", code);
		submit("#verify");
		this.browser.findElement(By.id("faceImage")).sendKeys(faceFile().toString());
		submit("#verify-face");
		assertThat(text("#global-error")).contains("IDN-2010").contains("新旧两张证");
		submit("#verify-ctid");
		assertThat(this.browser.getCurrentUrl()).contains("/simulator/ctid/authorize");
		click("#p-" + TestPersons.CHEN_ID);
		submit("#ctid-approve");
		assertThat(this.browser.getCurrentUrl()).endsWith("/account");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("CTID 网证");
	}

	@Test
	void languageSwitchShowsEnglishAndKeepsIt() throws Exception {
		open("/register");
		submit("#lang-switch");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Register with your real name");
		fill("#name", "王小明");
		submit("#submit");
		assertThat(text("#idNumber-error")).contains("18 characters");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
	}

	private String codeFromOutbox(String phone) {
		open("/simulator/sms-outbox?phone=" + phone);
		List<WebElement> codes = this.browser.findElements(By.cssSelector("#outbox td.code"));
		assertThat(codes).isNotEmpty();
		return codes.get(0).getText();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void click(String css) {
		this.browser.findElement(By.cssSelector(css)).click();
	}

	/** Clicks something that loads a new page and waits until the new page replaced the old one. */
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

	private void assertNoHorizontalScroll() {
		Object overflow = ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).intValue()).as("page wider than a phone screen").isLessThanOrEqualTo(0);
	}

	private void screenshot(String name) throws Exception {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	private static Path faceFile() throws Exception {
		Path file = Files.createTempFile("face", ".jpg");
		Files.write(file, TestPersons.faceImage());
		return file;
	}

}
