package cn.shouhu.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shouhu.Chromium;
import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterFollowedUp;
import cn.shouhu.matters.MatterReplied;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.statistics.internal.DailyRollups;

/**
 * In a real browser, under the real Content-Security-Policy: the branch leader opens the statistics page and
 * ECharts draws the trend, the unit ranking and the category breakdown from the page's JSON.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shouhu.demo.enabled=true")
class StatisticsBrowserTest {

	private static final Instant NOON = LocalDateTime.parse("2026-06-10T12:00").atZone(ZoneId.of("Asia/Shanghai"))
		.toInstant();

	@LocalServerPort
	int port;

	@Autowired
	DailyRollups rollups;

	@Autowired
	OrganizationDirectory organization;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Chromium.start(1280, 1600);
	}

	@AfterEach
	void closeBrowser() {
		browser.quit();
	}

	@Test
	void theBranchLeaderSeesTheFiguresDrawn() throws Exception {
		long station = organization.activeUnits()
			.stream()
			.filter(unit -> unit.name().equals("沼潭派出所"))
			.map(UnitRef::id)
			.findFirst()
			.orElseThrow();
		for (long matter = 700_000_001L; matter <= 700_000_004L; matter++) {
			rollups.apply(new MatterReplied(matter, station, NOON, NOON, NOON));
			rollups.apply(new MatterFollowedUp(matter, station, Satisfaction.SATISFIED, true, NOON));
			rollups.apply(new MatterClosed(matter, station, Satisfaction.SATISFIED, NOON, false, NOON));
		}

		signIn("branchlead");
		open("/statistics?from=2026-06-01&to=2026-06-30");

		assertThat(browser.findElement(By.cssSelector("[data-figure=closed]")).getText()).isEqualTo("4");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		for (String chart : new String[] { "chart-trend", "chart-units", "chart-categories" }) {
			wait.until(driver -> !driver.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
		}
		Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(screenshot, Path.of("target", "statistics-page.png"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private void signIn(String username) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Shouhu@2026");
		browser.findElement(By.id("login-submit")).click();
		assertThat(browser.getCurrentUrl()).doesNotContain("/login");
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

}
