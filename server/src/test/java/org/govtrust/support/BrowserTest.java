package org.govtrust.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The base of the headless-Chromium tests: the whole application on a random port (one
 * shared context), a fresh database and clock, and a phone-sized browser per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public abstract class BrowserTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	protected ChromeDriver browser;

	protected BrowserPage page;

	@BeforeEach
	void startBrowser() throws Exception {
		TestDatabase.resetWithApps(this.jdbc);
		this.clock.reset();
		this.browser = Browser.start(390, 844);
		this.page = new BrowserPage(this.browser, this.port);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

}
