package cn.shouhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the demo system administrator creates a unit and an officer, and the auditor finds both
 * in the audit trail.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shouhu.demo.enabled=true")
class OrganizationBrowserTest {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Chromium.start(1280, 900);
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	@Test
	void administratorCreatesAUnitAndAnOfficerAndTheAuditorSeesBoth() {
		signIn("sysadmin");

		open("/organization/units/new");
		new Select(browser.findElement(By.id("parentId"))).selectByIndex(0);
		browser.findElement(By.id("name")).sendKeys("浏览器测试派出所");
		new Select(browser.findElement(By.id("unitType"))).selectByValue("STATION");
		submit("/organization/units");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("浏览器测试派出所");

		open("/organization/officers/new");
		browser.findElement(By.id("badgeNo")).sendKeys("159876");
		browser.findElement(By.id("name")).sendKeys("周浏览");
		Select unit = new Select(browser.findElement(By.id("unitId")));
		unit.getOptions()
			.stream()
			.filter(option -> option.getText().contains("浏览器测试派出所"))
			.findFirst()
			.orElseThrow()
			.click();
		submit("/organization/officers");
		assertThat(browser.getPageSource()).contains("周浏览", "159876");

		WebElement logout = browser.findElement(By.cssSelector("form[action$='/logout'] button"));
		logout.click();
		Chromium.awaitGone(browser, logout);
		signIn("auditor");
		open("/audit?targetType=unit");
		assertThat(browser.getPageSource()).contains("浏览器测试派出所", "sysadmin");
		open("/audit?targetType=officer");
		assertThat(browser.getPageSource()).contains("周浏览", "159876");
	}

	private void signIn(String username) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Shouhu@2026");
		browser.findElement(By.id("login-submit")).click();
		// A click returns before the next page has loaded: wait for the browser to leave the sign-in page.
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.getCurrentUrl().contains("/login"));
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	private void submit(String action) {
		WebElement form = browser.findElement(By.cssSelector("form[action$='" + action + "']"));
		WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
		button.click();
		// A click returns before the answer has loaded: wait until the page it was on is gone.
		Chromium.awaitGone(browser, button);
	}

}
