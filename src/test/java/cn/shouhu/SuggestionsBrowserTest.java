package cn.shouhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 分类建议 in a real browser, on the demo branch with the default model: the clerk records a complaint; a second one
 * about the same problem is typed in, and as the clerk types, the three suggested categories and the first complaint
 * as a possible duplicate appear, a click on a category choosing it; then the coordinator opens the second one to
 * dispatch it, sees the same suggestions, and links it to the first with one click.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shouhu.demo.enabled=true")
class SuggestionsBrowserTest {

	@LocalServerPort
	int port;

	WebDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void suggestionsAndDuplicatesAppearAtIntakeAndAtDispatch() {
		String marker = Long.toString(System.nanoTime() % 100_000);
		signIn("clerk");
		String first = record("菜市场门口凌晨卸货噪音扰民" + marker, "菜市场每天凌晨四点开始卸货，货车鸣笛、搬运声音很大，附近居民睡不着。",
				false);
		String second = record("凌晨卸货太吵" + marker, "小区旁边菜市场每天凌晨四点多就卸货，货车按喇叭、搬东西声音太大，吵得睡不着觉。",
				true, first);
		signOut();

		signIn("coordinator");
		open("/matters/" + second);
		List<WebElement> suggested = browser.findElements(By.cssSelector("#suggestions [data-suggested-category]"));
		assertThat(suggested).hasSize(3);
		assertThat(suggested.get(0).getText()).containsPattern("\\d+%");
		WebElement duplicate = browser.findElement(By.cssSelector("#suggestions [data-duplicate='" + first + "']"));
		assertThat(duplicate.getText()).contains("菜市场门口凌晨卸货噪音扰民" + marker).containsPattern("相似度 \\d+%");

		// A click on a suggested category fills the dispatch form with it (and opens the form).
		WebElement apply = suggested.get(1).findElement(By.cssSelector("button[data-apply-category]"));
		String code = apply.getAttribute("data-apply-category");
		apply.click();
		assertThat(new Select(browser.findElement(By.id("dispatch-categoryCode"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(code);

		WebElement link = browser.findElement(By.cssSelector("button[data-link-to='" + first + "']"));
		link.click();
		Chromium.awaitGone(browser, link);
		assertThat(browser.findElement(By.cssSelector("table.details")).getText()).contains("重复于");
		assertThat(browser.findElement(By.cssSelector("table.details a[href$='/matters/" + first + "']"))
			.getText()).isEqualTo(first);
	}

	/**
	 * Records a complaint at the intake desk and returns its number. While typing, the suggestions must show three
	 * categories, and {@code duplicateOf}, when given, as a possible duplicate; with {@code chooseSuggested} the
	 * first suggested category is clicked and must land in the category select.
	 */
	private String record(String title, String description, boolean chooseSuggested, String... duplicateOf) {
		open("/matters/intake");
		new Select(browser.findElement(By.id("kind"))).selectByValue("COMPLAINT");
		browser.findElement(By.id("community")).sendKeys("青山路社区");
		browser.findElement(By.id("address")).sendKeys("青山路菜市场东侧");
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("description")).sendKeys(description);
		// htmx swaps the suggestions in as the text arrives: read them only once the whole text has been answered.
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200));
		wait.ignoring(StaleElementReferenceException.class);
		wait.until(driver -> {
			List<WebElement> percents = driver.findElements(By.cssSelector("#suggestions .confidence"));
			boolean duplicates = Arrays.stream(duplicateOf)
				.allMatch(other -> driver.findElements(By.cssSelector("#suggestions [data-duplicate='" + other + "']"))
					.stream()
					.anyMatch(row -> row.getText().matches("(?s).*相似度 \\d+%.*")));
			return percents.size() == 3 && percents.stream().allMatch(p -> p.getText().matches("\\d+%")) && duplicates;
		});
		if (chooseSuggested) {
			wait.until(driver -> {
				WebElement apply = driver.findElement(By.cssSelector("#suggestions button[data-apply-category]"));
				String code = apply.getAttribute("data-apply-category");
				apply.click();
				return code.equals(new Select(driver.findElement(By.id("categoryCode"))).getFirstSelectedOption()
					.getAttribute("value"));
			});
		}
		browser.findElement(By.id("name")).sendKeys("钱女士");
		browser.findElement(By.id("phone")).sendKeys("13904725678");
		WebElement submit = browser.findElement(By.cssSelector("form[action$='/matters/intake'] button[type=submit]"));
		submit.click();
		Chromium.awaitGone(browser, submit);
		assertThat(browser.getCurrentUrl()).matches(".*/matters/\\d+$");
		return browser.getCurrentUrl().replaceAll(".*/matters/", "");
	}

	private void signIn(String username) {
		browser = Chromium.start(1280, 1000);
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Shouhu@2026");
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.getCurrentUrl().contains("/login"));
	}

	private void signOut() {
		browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		browser.quit();
		browser = null;
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

}
