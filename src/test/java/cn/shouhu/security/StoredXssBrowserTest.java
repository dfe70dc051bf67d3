package cn.shouhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import cn.shouhu.Chromium;
import cn.shouhu.StaffBrowser;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.CoHandling;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.PublicMatters;
import cn.shouhu.matters.Receipt;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.matters.attachments.AttachmentStore;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * 存储型 XSS: script payloads stored in every free-text field a user fills — the matter's texts, the notes of every
 * action, reply and measures, follow-up comment, what the public types on the tracking page (information, rating,
 * reopen reason), attachment file names, unit, officer and category names, a station's jurisdiction, calendar day
 * names, the portal's catalogue and the Open311 apps — render as text in Chromium on every page that shows them,
 * staff and public: no payload runs ({@code window.__xss} stays undefined), no element or handler from a payload
 * exists in the page, and the payload is readable as text. The content security
 * policy would stop inline script anyway; this test checks the escaping underneath it. Exports keep a formula-like
 * text as a text cell, so a spreadsheet never evaluates it.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shouhu.demo.enabled=true", "shouhu.test.context=stored-xss" })
class StoredXssBrowserTest {

	static final String SCRIPT = "<script>window.__xss=1</script>";

	static final String IMG = "<img src=x onerror=\"window.__xss=1\">";

	static final String SVG = "\"><svg onload=window.__xss=1>";

	static final String LINK = "<a href=\"javascript:window.__xss=1\">点我</a>";

	static final String FORMULA = "=cmd|' /C calc'!A0";

	static final String ALL = SCRIPT + IMG + SVG + LINK;

	/** The first bytes of a PNG: enough for the attachment store's type check. */
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	/** What a payload must not leave behind in the page. */
	static final String INJECTED = "script:not([src]), img[src='x'], svg, [onerror], [onload], a[href^='javascript:']";

	@LocalServerPort
	int port;

	@Autowired
	MatterDesk desk;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicMatters publicMatters;

	@Autowired
	AttachmentStore attachments;

	WebDriver browser;

	@AfterEach
	void quit() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void payloadsInEveryFreeTextFieldRenderAsText() throws Exception {
		long branch = directory.activeUnits().get(0).id();
		long station = unitNamed("沼潭派出所");
		long agency = directory.activeUnits().stream().filter(u -> u.type() == UnitType.EXTERNAL_AGENCY).findFirst()
			.orElseThrow().id();
		CurrentStaff clerk = staff("clerk", Role.INTAKE_CLERK, branch);
		CurrentStaff coordinator = staff("coordinator", Role.COORDINATOR, branch);
		CurrentStaff handler = staff("handler", Role.HANDLER, station);
		CurrentStaff leader = staff("leader", Role.UNIT_LEADER, station);

		// A matter through the whole loop, every note a payload.
		Receipt replyReceipt = desk.intake(clerk, new Intake(Channel.PHONE, MatterKind.COMPLAINT, "EMERGENCY",
				Urgency.NORMAL, "XSS标题" + SCRIPT, "内容" + ALL, new Place("地址" + SVG, "社区" + IMG, null, null),
				new Submitter(false, "姓名" + SCRIPT, "13847215678", null, "企业" + IMG, null)));
		long replied = replyReceipt.id();
		desk.dispatch(coordinator, replied, version(replied), new Dispatch("EMERGENCY", Urgency.NORMAL, station,
				List.of(new CoHandling(agency, "协办请求" + ALL, null)), "分派说明" + ALL));
		desk.sign(handler, replied, version(replied));
		desk.recordProgress(handler, replied, version(replied), "进展" + ALL);
		desk.recordTaskResult(handler, replied, version(replied), 1, "协办结果" + ALL);
		desk.requestExtension(handler, replied, version(replied), 2, "延期理由" + ALL);
		desk.refuseExtension(coordinator, replied, version(replied), "不予延期" + ALL);
		desk.supervise(coordinator, replied, version(replied), "督办" + ALL);
		desk.waitForSubmitter(handler, replied, version(replied), "等待补充" + ALL);
		desk.resume(handler, replied, version(replied), "恢复" + ALL);
		desk.draftReply(handler, replied, version(replied), "答复" + ALL, "整改措施" + ALL);
		desk.rejectReply(leader, replied, version(replied), "退回答复" + ALL);
		desk.draftReply(handler, replied, version(replied), "答复二" + ALL, "整改措施二" + ALL);
		desk.approveReply(leader, replied, version(replied));
		desk.recordFollowUp(coordinator, replied, version(replied), Satisfaction.UNSATISFIED, "回访意见" + ALL);

		// Another matter returned and transferred, and one whose title is a spreadsheet formula.
		long returned = desk.intake(clerk, new Intake(Channel.WALK_IN, MatterKind.HELP, "EMERGENCY", Urgency.NORMAL,
				"退单" + IMG, "内容" + SVG, null, new Submitter(false, "张三", "13904721234", null, null, null))).id();
		desk.dispatch(coordinator, returned, version(returned),
				new Dispatch("EMERGENCY", Urgency.NORMAL, station, List.of(), null));
		desk.returnToCoordinators(leader, returned, version(returned), "退单理由" + ALL);
		desk.dispatch(coordinator, returned, version(returned),
				new Dispatch("EMERGENCY", Urgency.NORMAL, station, List.of(), null));
		desk.transfer(coordinator, returned, version(returned), unitNamed("民族东路派出所"), "转办理由" + ALL);
		long formula = desk.intake(clerk, new Intake(Channel.PHONE, MatterKind.SUGGESTION, "EMERGENCY",
				Urgency.NORMAL, FORMULA, "@SUM(1+1)*cmd|' /C calc'!A0", null,
				new Submitter(false, "=1+1", "13904721235", null, null, null))).id();

		// The actions with a note not taken above: a cancelled co-handling task, an approved extension, the close.
		long closed = desk.intake(clerk, new Intake(Channel.PHONE, MatterKind.COMPLAINT, "EMERGENCY", Urgency.NORMAL,
				"办结XSS", "内容", null, new Submitter(false, "王五", "13904721238", null, null, null))).id();
		desk.dispatch(coordinator, closed, version(closed), new Dispatch("EMERGENCY", Urgency.NORMAL, station,
				List.of(new CoHandling(agency, "协办", null)), null));
		desk.cancelTask(coordinator, closed, version(closed), 1, "撤销协办" + ALL);
		desk.sign(handler, closed, version(closed));
		desk.requestExtension(handler, closed, version(closed), 2, "延期");
		desk.approveExtension(coordinator, closed, version(closed), "同意延期" + ALL);
		desk.draftReply(handler, closed, version(closed), "答复", null);
		desk.approveReply(leader, closed, version(closed));
		desk.close(coordinator, closed, version(closed), "办结说明" + ALL);

		// What the public types on the tracking page (补充材料, 评价, 申请重办): shown to staff, written by anyone.
		Receipt reopened = repliedFor("13904721236", coordinator, handler, leader, station);
		publicMatters.askToReopen(reopened.trackingCode(), "1236", "申请重办" + ALL);
		Receipt rated = repliedFor("13904721237", coordinator, handler, leader, station);
		publicMatters.rate(rated.trackingCode(), "1237", Satisfaction.SATISFIED, "评价" + ALL);
		// An attachment's file name, as the uploader chose it.
		attachments.attach(replied, List.of(new MockMultipartFile(AttachmentStore.FIELD, "照片" + IMG + ".png",
				"image/png", PNG)), "submitter");

		// Names in the organisation and the dictionaries, through the services and the administrator's forms.
		List<String> refused = new ArrayList<>();
		Long unit = attempt(refused, "unit name",
				() -> organization.createUnit(branch, "单位" + SCRIPT + IMG, UnitType.OFFICE, 99));
		attempt(refused, "officer name",
				() -> organization.createOfficer("799001", "民警" + SCRIPT, station, "职务", false));
		Long officer = attempt(refused, "officer position",
				() -> organization.createOfficer("799002", "李卫东", station, "职务" + IMG, false));
		StaffBrowser admin = new StaffBrowser(port);
		admin.signIn("sysadmin", "Shouhu@2026");
		admin.get("/matters/categories/new");
		int category = admin.post("/matters/categories", Map.of("code", "XSS", "name", "类别" + SCRIPT,
				"leadUnitType", "STATION", "sortOrder", "99", "active", "true")).statusCode();
		admin.get("/calendar/2026");
		int day = admin.post("/calendar/2026/days", Map.of("date", "2026-12-24", "offDay", "true",
				"name", "节日" + IMG)).statusCode();
		admin.get("/portal/catalogue/admin/new");
		Map<String, String> item = new LinkedHashMap<>();
		item.put("name", "服务" + SCRIPT);
		item.put("description", "说明" + ALL);
		item.put("mode", "ONLINE");
		item.put("categoryCode", "EMERGENCY");
		item.put("whereToGo", "去处" + IMG);
		item.put("sortOrder", "0");
		item.put("active", "true");
		int catalogueItem = admin.post("/portal/catalogue/admin", item).statusCode();
		admin.get("/system/open311-apps");
		int app = admin.post("/system/open311-apps", Map.of("appName", "应用" + SCRIPT, "contact", "联系人" + IMG))
			.statusCode();
		admin.get("/organization/units/" + station);
		int jurisdiction = admin.post("/organization/units/" + station + "/jurisdiction",
				Map.of("version", String.valueOf(unitVersion(station)), "communities", "社区" + SCRIPT + "\n沼潭社区",
						"roads", "道路" + IMG)).statusCode();
		// Every form accepts any text within its length: the payloads must be stored, or this test proves nothing.
		assertThat(category).as("category with a payload name saved").isEqualTo(302);
		assertThat(day).as("calendar day with a payload name saved").isEqualTo(302);
		assertThat(catalogueItem).as("catalogue item with payload texts saved").isEqualTo(302);
		assertThat(app).as("Open311 app with a payload name issued").isEqualTo(200);
		assertThat(jurisdiction).as("jurisdiction with payload lines saved").isEqualTo(302);
		System.out.println("Stored-XSS fields refused at input (so never stored): " + refused);

		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put("coordinator", List.of("/matters/" + replied, "/matters/" + returned, "/matters/" + formula,
				"/matters/" + closed, "/matters/" + reopened.id(), "/matters/" + rated.id(), "/matters/board",
				"/matters/board?q=XSS", "/matters/notices", "/organization/units", "/matters/intake",
				"/portal/catalogue/admin"));
		pages.put("handler", List.of("/matters/todo", "/matters/" + replied));
		List<String> adminPages = new ArrayList<>(List.of("/organization/units", "/organization/officers",
				"/matters/categories", "/matters/policies", "/calendar/2026", "/calendar", "/system/open311-apps",
				"/organization/units/" + station, "/portal/catalogue/admin"));
		if (unit != null) {
			adminPages.add("/organization/units/" + unit);
		}
		if (officer != null) {
			adminPages.add("/organization/officers/" + officer);
		}
		pages.put("sysadmin", adminPages);
		pages.put("branchlead", List.of("/statistics", "/matters/" + replied));
		pages.put("secadmin", List.of("/accounts"));
		pages.put("auditor", List.of("/audit", "/audit?size=100"));

		int checked = 0;
		for (Map.Entry<String, List<String>> person : pages.entrySet()) {
			signIn(person.getKey());
			for (String path : person.getValue()) {
				browser.get(base() + path);
				checked += check(path);
			}
			if (person.getKey().equals("coordinator")) {
				browser.get(base() + "/matters/" + replied);
				String text = browser.findElement(By.tagName("body")).getText();
				assertThat(text).contains("XSS标题" + SCRIPT, "内容" + ALL, "地址" + SVG, "姓名" + SCRIPT, "企业" + IMG,
						"进展" + ALL, "答复二" + ALL, "整改措施二" + ALL, "协办请求" + ALL, "照片" + IMG + ".png");
				assertThat(pageText("/matters/" + closed)).contains("撤销协办" + ALL, "同意延期" + ALL, "办结说明" + ALL);
				assertThat(pageText("/matters/" + reopened.id())).contains("申请重办" + ALL);
				assertThat(pageText("/matters/" + rated.id())).contains("评价" + ALL);
			}
			if (person.getKey().equals("sysadmin")) {
				browser.get(base() + "/matters/categories");
				assertThat(browser.findElement(By.tagName("body")).getText()).contains("类别" + SCRIPT);
				browser.get(base() + "/calendar/2026");
				assertThat(browser.findElement(By.tagName("body")).getText()).contains("节日" + IMG);
				assertThat(pageText("/system/open311-apps")).contains("应用" + SCRIPT);
				assertThat(pageText("/organization/units/" + station)).contains("社区" + SCRIPT);
				assertThat(pageText("/portal/catalogue/admin")).contains("服务" + SCRIPT);
			}
			browser.quit();
			browser = null;
		}
		// The public side, signed in as nobody: the portal's home with the catalogue, and the tracking page of a
		// matter whose staff texts (the reply, the measures) and the submitter's own texts are payloads.
		browser = Chromium.start(390, 844);
		browser.get(base() + "/portal");
		checked += check("/portal");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("服务" + SCRIPT);
		track(replyReceipt.trackingCode(), "5678");
		checked += check("/portal/track/matter");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("答复二" + ALL, "整改措施二" + ALL);
		track(reopened.trackingCode(), "1236");
		checked += check("/portal/track/matter");
		browser.quit();
		browser = null;
		System.out.println("Stored-XSS: " + checked + " page views in Chromium, no payload ran");
		// Only the officer's name may refuse a payload (its rule allows Chinese names only); everything else stores it.
		assertThat(refused).allMatch(field -> field.startsWith("officer name"));

		// htmx fragments: the suggestions for what is being typed (categories and the duplicates, whose titles are
		// the stored payloads) and the live queue of public requests echo nothing unescaped.
		StaffBrowser clerkHttp = new StaffBrowser(port);
		clerkHttp.signIn("clerk", "Shouhu@2026");
		HttpResponse<String> suggestions = clerkHttp.get("/matters/intake/suggestions?title="
				+ URLEncoder.encode("XSS标题" + ALL, StandardCharsets.UTF_8) + "&description="
				+ URLEncoder.encode("内容" + ALL, StandardCharsets.UTF_8));
		assertThat(suggestions.statusCode()).as("suggestions fragment").isEqualTo(200);
		assertThat(suggestions.body()).isNotBlank().doesNotContain(SCRIPT, IMG, "<svg", "<a href=\"javascript");
		HttpResponse<String> queue = clerkHttp.get("/matters/intake/public-queue");
		assertThat(queue.statusCode()).as("public queue fragment").isEqualTo(200);
		assertThat(queue.body()).doesNotContain(SCRIPT, IMG, "<svg", "<a href=\"javascript");

		// Exports: formula-like text stays a text cell.
		StaffBrowser coordinatorHttp = new StaffBrowser(port);
		coordinatorHttp.signIn("coordinator", "Shouhu@2026");
		assertTextCells(download(coordinatorHttp, "/matters/board/export.xlsx"), FORMULA);
		StaffBrowser auditorHttp = new StaffBrowser(port);
		auditorHttp.signIn("auditor", "Shouhu@2026");
		assertTextCells(download(auditorHttp, "/audit/export"), "cmd|");
		assertTextCells(download(admin, "/organization/officers/export.xlsx"), null);
	}

	/** The page in the browser now ran no payload and holds nothing a payload made; counts as one view. */
	private int check(String path) {
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(d -> "complete".equals(js("return document.readyState")));
		assertThat(js("return typeof window.__xss")).as(path + " ran a payload").isEqualTo("undefined");
		// The elements themselves, so that a failure says where the payload got through.
		assertThat(js("return Array.from(document.querySelectorAll(\"" + INJECTED
				+ "\")).map(e => e.outerHTML.substring(0, 300)).join('\\n')"))
			.as(path + " holds an element or handler from a payload").isEqualTo("");
		return 1;
	}

	/** Opens the matter on the portal's tracking page, as its submitter does: code and proof, then the matter. */
	private void track(String trackingCode, String proof) {
		browser.get(base() + "/portal/track");
		browser.findElement(By.id("code")).sendKeys(trackingCode);
		browser.findElement(By.id("proof")).sendKeys(proof);
		browser.findElement(By.cssSelector("form[action$='/portal/track'] button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/portal/track/matter"));
	}

	private String pageText(String path) {
		browser.get(base() + path);
		check(path);
		return browser.findElement(By.tagName("body")).getText();
	}

	/** A public (portal) matter with this phone, replied and approved: ready for the submitter's actions. */
	private Receipt repliedFor(String phone, CurrentStaff coordinator, CurrentStaff handler, CurrentStaff leader,
			long station) {
		Receipt receipt = desk.submit(new Intake(Channel.PORTAL, MatterKind.COMPLAINT, "EMERGENCY", Urgency.NORMAL,
				"公众XSS", "内容", null, new Submitter(false, "赵六", phone, null, null, null)));
		long id = receipt.id();
		desk.dispatch(coordinator, id, version(id), new Dispatch("EMERGENCY", Urgency.NORMAL, station, List.of(), null));
		desk.sign(handler, id, version(id));
		publicMatters.addInformation(receipt.trackingCode(), phone.substring(7), "补充材料" + ALL);
		desk.draftReply(handler, id, version(id), "答复", null);
		desk.approveReply(leader, id, version(id));
		return receipt;
	}

	private int unitVersion(long unitId) {
		return jdbc.sql("SELECT version FROM unit WHERE id = :id").param("id", unitId).query(Integer.class).single();
	}

	/** Every cell is a text (or number/blank) cell, never a formula; and the given text is there as text. */
	private static void assertTextCells(byte[] xlsx, String expected) throws Exception {
		boolean found = expected == null;
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as("cell " + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
						if (expected != null && cell.getCellType() == CellType.STRING
								&& cell.getStringCellValue().contains(expected)) {
							found = true;
						}
					}
				}
			}
		}
		assertThat(found).as("export holds " + expected + " as a text cell").isTrue();
	}

	/** The workbook bytes, fetched with the session of the given signed-in client. */
	private byte[] download(StaffBrowser signedIn, String path) throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Cookie", "SESSION=" + signedIn.sessionId())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private interface Attempt {

		long run();

	}

	private static Long attempt(List<String> refused, String field, Attempt attempt) {
		try {
			return attempt.run();
		}
		catch (RuntimeException e) {
			// A field whose rules refuse the characters of a payload never stores one: also safe.
			refused.add(field + " (" + e.getClass().getSimpleName() + ")");
			return null;
		}
	}

	private long unitNamed(String name) {
		return directory.activeUnits().stream().filter(u -> u.name().equals(name)).map(UnitRef::id).findFirst()
			.orElseThrow();
	}

	private CurrentStaff staff(String username, Role role, long unitId) {
		Map<String, Object> account = jdbc
			.sql("SELECT a.id AS account_id, o.id AS officer_id, o.name FROM account a JOIN officer o ON o.id = a.officer_id "
					+ "WHERE a.username = :username")
			.param("username", username)
			.query()
			.singleRow();
		return new CurrentStaff(((Number) account.get("account_id")).longValue(), username,
				((Number) account.get("officer_id")).longValue(), (String) account.get("name"), unitId, "", Set.of(role));
	}

	private int version(long id) {
		return jdbc.sql("SELECT version FROM matter WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private Object js(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private void signIn(String username) {
		browser = Chromium.start(1280, 1000);
		browser.get(base() + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Shouhu@2026");
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.getCurrentUrl().contains("/login"));
	}

}
