package cn.shouhu;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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

}
