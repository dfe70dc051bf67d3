package cn.shouhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen and the branch in real browsers: the citizen sends a complaint from a phone-sized window on the
 * portal; the coordinator, whose intake desk is already open, sees it arrive without reloading, and dispatches
 * it; the station's handler signs and replies, the leader approves; the citizen finds the reply and its measures
 * with the tracking code and the phone's last four digits, and rates it satisfied, which closes the matter.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shouhu.demo.enabled=true")
class PublicTrackingBrowserTest {

	private static final int PHONE_WIDTH = 390;

	private static final int PHONE_HEIGHT = 844;

	private static final String TITLE = "小区地下车库夜间有人飙车";

	@LocalServerPort
	int port;

	WebDriver citizen;

	WebDriver staff;

	@AfterEach
	void closeBrowsers() {
		if (citizen != null) {
			citizen.quit();
		}
		if (staff != null) {
			staff.quit();
		}
	}

	@Test
	void aCitizenSubmitsFromAPhoneFollowsTheMatterToTheReplyAndRatesIt() {
		// The coordinator's intake desk is open before anything is sent.
		staff = signIn("coordinator");
		open(staff, "/matters/intake");
		assertThat(staff.findElement(By.id("public-queue")).getText()).doesNotContain(TITLE);

		citizen = Chromium.start(PHONE_WIDTH, PHONE_HEIGHT);
		open(citizen, "/portal/submit");
		citizen.findElement(By.cssSelector("input[name=kind][value=COMPLAINT]")).click();
		citizen.findElement(By.id("title")).sendKeys(TITLE);
		citizen.findElement(By.id("description")).sendKeys("每晚十二点后地下车库有人驾车来回飙车，轰油门声音很大，影响休息。");
		citizen.findElement(By.id("address")).sendKeys("沼潭街道某小区地下车库");
		citizen.findElement(By.id("name")).sendKeys("钱女士");
		citizen.findElement(By.id("phone")).sendKeys("13904725678");
		citizen.findElement(By.id("consent")).click();
		click(citizen, citizen.findElement(By.cssSelector("form[action$='/portal/submit'] button[type=submit]")));
		String code = citizen.findElement(By.id("tracking-code")).getText().trim();
		assertThat(code).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}");
		assertThat(citizen.getCurrentUrl()).doesNotContain(code);

		// Without a reload, the new matter appears on the desk within seconds (htmx polls every 5 s).
		WebElement arrived = new WebDriverWait(staff, Duration.ofSeconds(20), Duration.ofMillis(500))
			.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[@id='public-queue']//a[text()='" + TITLE + "']")));
		assertThat(staff.findElement(By.id("public-queue-count")).getText()).matches("\\d+");
		click(staff, arrived);
		action("dispatch");
		new Select(staff.findElement(By.id("dispatch-categoryCode"))).selectByValue("PUBLIC_ORDER");
		new Select(staff.findElement(By.id("dispatch-leadUnitId"))).selectByVisibleText("沼潭派出所");
		staff.findElement(By.id("dispatch-note")).sendKeys("内部提示：注意核实车主身份");
		submit("dispatch");
		String matter = staff.getCurrentUrl().replaceAll(".*/matters/", "").replaceAll("[^0-9].*", "");
		signOut();

		staff = signIn("handler");
		open(staff, "/matters/" + matter);
		action("sign");
		submit("sign");
		action("reply-draft");
		staff.findElement(By.id("reply-draft-text")).sendKeys("已查明飙车车辆并对车主进行了批评教育和处罚。");
		staff.findElement(By.id("reply-draft-measures")).sendKeys("夜间在车库入口增设巡逻，加装减速带。");
		submit("reply-draft");
		signOut();

		staff = signIn("leader");
		open(staff, "/matters/" + matter);
		action("reply-approve");
		submit("reply-approve");
		signOut();

		// The citizen looks it up on the phone with the code and the last four digits.
		open(citizen, "/portal/track");
		citizen.findElement(By.id("code")).sendKeys(code.toLowerCase());
		citizen.findElement(By.id("proof")).sendKeys("5678");
		click(citizen, citizen.findElement(By.cssSelector("form[action$='/portal/track'] button[type=submit]")));
		assertThat(citizen.getCurrentUrl()).endsWith("/portal/track/matter").doesNotContain(code).doesNotContain("5678");
		assertThat(citizen.findElement(By.id("track-reply")).getText()).contains("已查明飙车车辆")
			.contains("夜间在车库入口增设巡逻");
		assertThat(citizen.findElement(By.id("track-unit")).getText()).isEqualTo("沼潭派出所");
		String page = citizen.findElement(By.tagName("main")).getText();
		assertThat(page).contains("已答复，请您评价").doesNotContain("内部提示");
		assertThat(fitsTheScreen(citizen)).as("the page fits a phone's width").isTrue();

		citizen.findElement(By.cssSelector("#track-rate input[name=satisfaction][value=SATISFIED]")).click();
		citizen.findElement(By.id("comment")).sendKeys("处理很及时，谢谢");
		click(citizen, citizen.findElement(By.cssSelector("form[action$='/portal/track/rating'] button[type=submit]")));
		assertThat(citizen.findElement(By.id("track-notice")).getText()).contains("感谢您的评价");
		assertThat(citizen.findElement(By.id("track-state")).getText()).isEqualTo("已办结");
		assertThat(citizen.findElement(By.id("track-satisfaction")).getText()).contains("满意");

		staff = signIn("coordinator");
		open(staff, "/matters/" + matter);
		assertThat(staff.findElement(By.tagName("h1")).getText()).contains("已办结");
	}

	private static boolean fitsTheScreen(WebDriver browser) {
		Object fits = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
		return Boolean.TRUE.equals(fits);
	}

	/** Opens an action's <details> on the matter page. */
	private void action(String name) {
		WebElement form = staff.findElement(By.cssSelector("form[action$='/" + name + "']"));
		WebElement details = form.findElement(By.xpath("ancestor::details"));
		if (details.getAttribute("open") == null) {
			details.findElement(By.tagName("summary")).click();
		}
	}

	private void submit(String name) {
		click(staff, staff.findElement(By.cssSelector("form[action$='/" + name + "'] button[type=submit]")));
		assertThat(staff.findElements(By.cssSelector(".flash.error, .field-error")))
			.as("no error message after %s", name)
			.allMatch(e -> e.getText().isBlank());
	}

	/** Clicks and waits until the page the click was on is gone (a click returns before the answer has loaded). */
	private static void click(WebDriver browser, WebElement element) {
		element.click();
		Chromium.awaitGone(browser, element);
	}

	private WebDriver signIn(String username) {
		WebDriver browser = Chromium.start(1280, 1000);
		open(browser, "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Shouhu@2026");
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.getCurrentUrl().contains("/login"));
		return browser;
	}

	private void signOut() {
		staff.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		staff.quit();
		staff = null;
	}

	private void open(WebDriver browser, String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

}
