package org.govtrust.e2e;


import org.govtrust.support.BrowserTest;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration wizard in a real headless Chromium, at phone size: what a citizen sees
 * and clicks, from the home page to a verified account, and the failures on the way.
 */
class RegistrationPagesBrowserTests extends BrowserTest {

	@Test
	void registerThroughThePagesWithFaceCheck() throws Exception {
		this.page.open("/");
		this.page.submit("#register-link");
		assertThat(this.browser.getTitle()).contains("实名注册");
		this.page.fill("#name", "王小明");
		this.page.fill("#idNumber", "110101 19900307 1233");
		this.page.fill("#validFrom", "2016.04.12");
		this.page.fill("#validTo", "2036.04.12");
		this.page.fill("#phone", "199 1234 5678");
		this.page.submit("#submit");
		assertThat(this.page.text("#sent")).contains("199****5678");
		this.page.fill("#code", this.page.codeFromOutbox("19912345678"));
		this.page.submit("#verify");
		assertThat(this.page.url()).endsWith("/identity");
		this.page.attachFace("#faceImage");
		this.page.submit("#verify-face");
		assertThat(this.page.url()).endsWith("/account");
		this.page.fill("#password", "Spring-2026!ok");
		this.page.fill("#passwordConfirmation", "Spring-2026!ok");
		this.page.submit("#create-account");
		assertThat(this.page.text("#done-title")).isEqualTo("注册成功");
		assertThat(this.page.text("#done-id")).isEqualTo("1101**********1233");
		assertThat(this.page.text("#done-level")).isEqualTo("在线实名核验 · 人脸识别");
		assertNoHorizontalScroll();
		this.page.screenshot("registration-done");
	}

	@Test
	void wrongInputShowsEveryFieldErrorAndKeepsWhatWasTyped() throws Exception {
		this.page.open("/register");
		this.page.fill("#name", "王小明2");
		this.page.fill("#idNumber", TestPersons.WANG_ID);
		this.page.fill("#validFrom", "2016-04-12");
		this.page.click("#longTerm");
		this.page.fill("#phone", "15412345678");
		this.page.submit("#submit");
		assertThat(this.page.text("#global-error")).contains("SHR-1000");
		assertThat(this.page.text("#name-error")).contains("不能有数字").contains("IDN-1011");
		assertThat(this.page.text("#validTo-error")).contains("IDN-1026").contains("2036-04-12");
		assertThat(this.page.text("#phone-error")).contains("154").contains("SMS-1002");
		assertThat(this.browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("王小明2");
		assertNoHorizontalScroll();
		this.page.screenshot("registration-errors");
	}

	@Test
	void faceMismatchOffersCtidAndCtidFinishesWithTheNewCardDates() throws Exception {
		this.page.open("/register");
		this.page.fill("#name", "陈静");
		this.page.fill("#idNumber", TestPersons.CHEN_ID);
		this.page.fill("#validFrom", "2018-03-01");
		this.page.fill("#validTo", "2028-03-01");
		this.page.fill("#phone", "17012345678");
		this.page.submit("#submit");
		this.page.fill("#code", this.page.codeFromOutbox("17012345678"));
		this.page.submit("#verify");
		this.page.attachFace("#faceImage");
		this.page.submit("#verify-face");
		assertThat(this.page.text("#global-error")).contains("IDN-2010").contains("新旧两张证");
		this.page.submit("#verify-ctid");
		assertThat(this.page.url()).contains("/simulator/ctid/authorize");
		this.page.click("#p-" + TestPersons.CHEN_ID);
		this.page.submit("#ctid-approve");
		assertThat(this.page.url()).endsWith("/account");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("CTID 网证");
	}

	@Test
	void languageSwitchShowsEnglishAndKeepsIt() throws Exception {
		this.page.open("/register");
		this.page.submit("#lang-switch");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Register with your real name");
		this.page.fill("#name", "王小明");
		this.page.submit("#submit");
		assertThat(this.page.text("#idNumber-error")).contains("18 characters");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
	}







	private void assertNoHorizontalScroll() {
		Object overflow = ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).intValue()).as("page wider than a phone screen").isLessThanOrEqualTo(0);
	}



}
