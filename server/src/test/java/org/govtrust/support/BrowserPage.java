package org.govtrust.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does in the browser, in the words of the tests: open a page, fill a field,
 * press a button that loads the next page, read a text, glance at the phone (the SMS
 * outbox, in a second tab).
 */
public final class BrowserPage {

	private final ChromeDriver browser;

	private final int port;

	public BrowserPage(ChromeDriver browser, int port) {
		this.browser = browser;
		this.port = port;
	}

	public ChromeDriver driver() {
		return this.browser;
	}

	public void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	public void click(String css) {
		this.browser.findElement(By.cssSelector(css)).click();
	}

	/** Clicks something that loads a new page and waits until the new page replaced the old one. */
	public void submit(String css) {
		WebElement page = this.browser.findElement(By.tagName("html"));
		click(css);
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until((driver) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (WebDriverException ex) {
				// stale, or already detached from the new document: the old page is gone
				return true;
			}
		});
	}

	public void fill(String css, String value) {
		WebElement input = this.browser.findElement(By.cssSelector(css));
		input.clear();
		input.sendKeys(value);
	}

	public String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	public String url() {
		return this.browser.getCurrentUrl();
	}

	/** Attaches the fixture face image to a file input. */
	public void attachFace(String css) throws Exception {
		Path face = Files.createTempFile("face", ".jpg");
		Files.write(face, TestPersons.faceImage());
		this.browser.findElement(By.cssSelector(css)).sendKeys(face.toString());
	}

	/** Reads the newest code in a second tab, as a person would glance at their phone. */
	public String codeFromOutbox(String phone) {
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

	public void screenshot(String name) throws Exception {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
