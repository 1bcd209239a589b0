package org.govtrust.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver). Where they are not
 * installed the browser tests are skipped, and say so.
 */
public final class Browser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Browser() {
	}

	/**
	 * Starts a headless browser with a phone-sized or desktop window.
	 * @param width window width
	 * @param height window height
	 * @return the driver (quit it after the test)
	 */
	public static ChromeDriver start(int width, int height) throws IOException {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!available) {
			System.err.println("SKIPPED browser tests: /usr/bin/chromium or /usr/bin/chromedriver missing "
					+ "(install with: apt-get install chromium chromium-driver; .ci/run does this)");
		}
		Assumptions.assumeTrue(available, "chromium and chromedriver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=zh-CN", "--window-size=" + width + "," + height,
				"--user-data-dir=" + Files.createTempDirectory("govtrust-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
