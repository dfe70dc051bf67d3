package cn.shouhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
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
 * The closed loop in a real browser, each step by the demo account whose work it is: the clerk records a
 * matter, the coordinator dispatches it with a co-handler, the station's handler signs, records the co-handler's
 * result and replies, the leader approves, an unsatisfied follow-up reopens it, it is replied to again, a
 * satisfied follow-up closes it — and the statistics page counts one more closed matter.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shouhu.demo.enabled=true")
class ClosedLoopBrowserTest {

	@LocalServerPort
	int port;

	/** The browser of whoever is working now: each person signs in on a browser of their own, as at work. */
	WebDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aMatterGoesRoundTheWholeLoopAndIsCounted() {
		signIn("branchlead");
		long closedBefore = closedCount();
		signOut();

		signIn("clerk");
		open("/matters/intake");
		new Select(browser.findElement(By.id("channel"))).selectByValue("PHONE");
		new Select(browser.findElement(By.id("kind"))).selectByValue("COMPLAINT");
		browser.findElement(By.id("title")).sendKeys("小区门口夜间施工噪音扰民");
		browser.findElement(By.id("description")).sendKeys("每晚十一点后仍在施工，噪音很大，影响老人和孩子休息。");
		browser.findElement(By.id("address")).sendKeys("青山路某小区北门");
		browser.findElement(By.id("community")).sendKeys("青山路社区");
		browser.findElement(By.id("name")).sendKeys("赵先生");
		browser.findElement(By.id("phone")).sendKeys("13904721234");
		WebElement record = browser.findElement(By.cssSelector("form[action$='/matters/intake'] button[type=submit]"));
		record.click();
		Chromium.awaitGone(browser, record);
		assertThat(browser.getCurrentUrl()).matches(".*/matters/\\d+$");
		String matter = browser.getCurrentUrl().replaceAll(".*/matters/", "");
		signOut();

		signIn("coordinator");
		open("/matters/" + matter);
		action("dispatch");
		new Select(browser.findElement(By.id("dispatch-leadUnitId"))).selectByVisibleText("沼潭派出所");
		Select coHandlers = new Select(browser.findElement(By.id("dispatch-coUnitIds")));
		coHandlers.getOptions()
			.stream()
			.filter(option -> option.getText().contains("沼潭街道办事处"))
			.findFirst()
			.orElseThrow()
			.click();
		browser.findElement(By.id("dispatch-request")).sendKeys("请社区网格员协助劝导施工方");
		submit("dispatch");
		assertState("待签收");
		signOut();

		signIn("handler");
		open("/matters/" + matter);
		action("sign");
		submit("sign");
		assertState("已签收");
		action("task-result");
		browser.findElement(By.id("task-result-result")).sendKeys("网格员已上门劝导，施工方承诺夜间停工。");
		submit("task-result");
		replyDraft("已联系施工方，夜间 22 点后停止施工。", "每晚巡查一次，持续两周。");
		signOut();

		approveAsLeader(matter);
		followUp(matter, "UNSATISFIED", "仍有夜间施工");
		assertState("重办");

		signIn("handler");
		open("/matters/" + matter);
		replyDraft("会同街道对施工方再次约谈，已签订夜间停工承诺书。", "民警每晚 22 点巡查，违者依法处罚。");
		signOut();
		approveAsLeader(matter);
		followUp(matter, "SATISFIED", "问题已解决，谢谢");
		assertState("已办结");

		signIn("branchlead");
		WebDriverWait counted = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(500));
		// The roll-up is kept by an event listener after commit: wait for it (until() fails after 20 s).
		Boolean countedOnce = counted.until(driver -> closedCount() == closedBefore + 1 ? Boolean.TRUE : null);
		assertThat(countedOnce).isTrue();
	}

	private void replyDraft(String text, String measures) {
		action("reply-draft");
		browser.findElement(By.id("reply-draft-text")).sendKeys(text);
		browser.findElement(By.id("reply-draft-measures")).sendKeys(measures);
		submit("reply-draft");
	}

	private void approveAsLeader(String matter) {
		signIn("leader");
		open("/matters/" + matter);
		action("reply-approve");
		submit("reply-approve");
		assertState("已答复");
		signOut();
	}

	private void followUp(String matter, String satisfaction, String comment) {
		signIn("clerk");
		open("/matters/" + matter);
		action("follow-up");
		browser.findElement(By.cssSelector("input[name=satisfaction][value=" + satisfaction + "]")).click();
		browser.findElement(By.id("follow-up-comment")).sendKeys(comment);
		submit("follow-up");
		signOut();
		signIn("coordinator");
		open("/matters/" + matter);
	}

	private long closedCount() {
		open("/statistics");
		return Long.parseLong(browser.findElement(By.cssSelector("[data-figure=closed]")).getText().trim());
	}

	/** Opens an action's <details> on the matter page. */
	private void action(String name) {
		WebElement form = browser.findElement(By.cssSelector("form[action$='/" + name + "']"));
		WebElement details = form.findElement(By.xpath("ancestor::details"));
		if (details.getAttribute("open") == null) {
			details.findElement(By.tagName("summary")).click();
		}
	}

	private void submit(String name) {
		WebElement button = browser.findElement(By.cssSelector("form[action$='/" + name + "'] button[type=submit]"));
		button.click();
		// A click returns before the answer has loaded: wait until the page it was on is gone.
		Chromium.awaitGone(browser, button);
		assertThat(browser.findElements(By.cssSelector(".flash.error, .field-error")))
			.as("no error message after %s", name)
			.allMatch(e -> e.getText().isBlank());
	}

	private void assertState(String state) {
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(state);
	}

	private void signIn(String username) {
		browser = Chromium.start(1280, 1000);
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Shouhu@2026");
		browser.findElement(By.id("login-submit")).click();
		// A click returns before the next page has loaded: wait for the browser to leave the sign-in page.
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
