package cn.shouhu;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for browser tests, driven by Debian's chromedriver (no download: the machine has no
 * internet). Tests using it are skipped with a message when either is missing, unless
 * SHOUHU_REQUIRE_BROWSER=true (as in CI), which turns that into a failure.
 */
public final class Chromium implements ExecutionCondition {

	static final String BROWSER = env("SHOUHU_CHROMIUM", "/usr/bin/chromium");

	static final String DRIVER = env("SHOUHU_CHROMEDRIVER", "/usr/bin/chromedriver");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
		if (present || Boolean.parseBoolean(env("SHOUHU_REQUIRE_BROWSER", "false"))) {
			return ConditionEvaluationResult.enabled("Chromium at " + BROWSER);
		}
		return ConditionEvaluationResult.disabled("Skipped: no Chromium/chromedriver at " + BROWSER + " / " + DRIVER
				+ " (apt-get install chromium chromium-driver, or SHOUHU_REQUIRE_BROWSER=true to make this a failure)");
	}

	/** A new headless browser; the caller quits it. */
	public static ChromeDriver start(int width, int height) {
		try {
			Path profile = Files.createTempDirectory("shouhu-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BROWSER);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--lang=zh-CN",
					"--window-size=" + width + "," + height);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			return driver;
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * Waits until the element has left the page, as it does when a click leads to another page. Chrome reports a node
	 * of a page that is going as stale, or, in the middle of the navigation, as one that "does not belong to the
	 * document" (a plain WebDriverException, which Selenium's stalenessOf does not expect): both mean it left.
	 */
	public static void awaitGone(WebDriver browser, WebElement element) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException e) {
				return true;
			}
			catch (WebDriverException e) {
				if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		});
	}

}
