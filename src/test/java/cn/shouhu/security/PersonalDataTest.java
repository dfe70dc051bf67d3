package cn.shouhu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import cn.shouhu.TestStaff;
import cn.shouhu.matters.CoHandling;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.Urgency;
import cn.shouhu.open311.Open311Setup;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * 个人信息: no full phone or ID number in the logs or in any list view or export; on the matter page both are
 * masked until someone who calls the submitter back presses 显示, which leaves an audit record naming the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataTest {

	private static final String PHONE = "13847215678";

	private static final String MASKED_PHONE = "138****5678";

	private static final String ID_NUMBER = "11010519491231002X";

	private static final String MASKED_ID = "110105********002X";

	/** Any mainland mobile number, or any 18-character ID number, anywhere in a text. */
	private static final Pattern FULL_NUMBER = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|\\d{17}[\\dXx])(?![\\dXx])");

	private static final AtomicInteger RUNS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	MatterDesk desk;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Open311Setup open311;

	long branch;

	long stationA;

	long stationB;

	long locksmith;

	String suffix;

	@BeforeEach
	void units() {
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		suffix = "-个人信息" + RUNS.incrementAndGet();
		stationA = organization.createUnit(branch, "沼潭派出所" + suffix, UnitType.STATION, 1);
		stationB = organization.createUnit(branch, "民族东路派出所" + suffix, UnitType.STATION, 2);
		locksmith = organization.createUnit(branch, "开锁服务部" + suffix, UnitType.EXTERNAL_AGENCY, 9);
	}

	@Test
	void noFullNumberIsLoggedWhileAMatterGoesRoundTheLoop() throws Exception {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Level level = root.getLevel();
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.start();
		root.addAppender(captured);
		// Everything that could be logged (Shouhu's and the frameworks' debug output), not only the default level.
		root.setLevel(Level.DEBUG);
		try {
			long id = intakeThroughThePage("个人信息日志" + suffix);
			int version = version(id);
			desk.dispatch(staff(Role.COORDINATOR, branch), id, version, new Dispatch("EMERGENCY", Urgency.URGENT,
					stationA, List.of(new CoHandling(locksmith, "协助开锁", null)), null));
			CurrentStaff handler = staff(Role.HANDLER, stationA);
			mvc.perform(post("/matters/" + id + "/sign").param("version", String.valueOf(version(id)))
				.with(authentication(TestStaff.as(handler))).with(csrf())).andExpect(status().isFound());
			mvc.perform(post("/matters/" + id + "/progress").param("version", String.valueOf(version(id)))
				.param("note", "已联系诉求人").with(authentication(TestStaff.as(handler))).with(csrf()))
				.andExpect(status().isFound());
			mvc.perform(post("/matters/" + id + "/reveal").param("field", "PHONE")
				.with(authentication(TestStaff.as(handler))).with(csrf())).andExpect(status().isOk());
			// A refused intake with a bad ID number is logged too, if anything is.
			mvc.perform(intake("个人信息日志坏" + suffix, "idNumber", "110105194912310021"))
				.andExpect(status().isUnprocessableContent());
			// The other ways a citizen's number comes in: Open311, the portal's form, the staff API — and the
			// tracking lookup, whose proof is the number's last four digits.
			mvc.perform(post("/open311/v2/requests.json").param("api_key", open311.registerDemoApp().orElseThrow())
				.param("service_code", "OTHER")
				.param("attribute[kind]", "HELP")
				.param("attribute[title]", "个人信息日志Open311" + suffix)
				.param("description", "楼道照明损坏，夜间老人行走不便。")
				.param("address_string", "沼潭街道某小区 3 号楼")
				.param("first_name", "王")
				.param("last_name", "女士")
				.param("phone", PHONE)
				.header("Idempotency-Key", "personal-data-open311-" + RUNS.get())).andExpect(status().isOk());
			mvc.perform(multipart("/portal/submit").param("formToken", UUID.randomUUID().toString())
				.param("kind", "COMPLAINT")
				.param("categoryCode", "PUBLIC_ORDER")
				.param("title", "个人信息日志网上" + suffix)
				.param("description", "小区旁工地每晚十一点后仍在施工，影响休息。")
				.param("address", "昆区钢铁大街 18 号")
				.param("name", "王女士")
				.param("phone", PHONE)
				.param("consent", "true")
				.with(csrf())
				.with(request -> {
					request.setRemoteAddr("10.64.0." + RUNS.get());
					return request;
				})).andExpect(status().isFound());
			mvc.perform(post("/api/v1/matters").contentType(MediaType.APPLICATION_JSON).content("""
					{"channel":"PHONE","kind":"HELP","urgency":"NORMAL","title":"个人信息日志API%s",
					 "description":"楼道照明损坏，夜间老人行走不便。",
					 "submitter":{"anonymous":false,"name":"王女士","phone":"%s","idNumber":"%s"}}
					""".formatted(suffix, PHONE, ID_NUMBER))
				.header("Idempotency-Key", "personal-data-api-" + RUNS.get())
				.with(authentication(TestStaff.as(staff(Role.INTAKE_CLERK, branch))))
				.with(csrf())).andExpect(status().isCreated());
			mvc.perform(post("/portal/track").param("code", trackingCode(id)).param("proof", "5678").with(csrf()))
				.andExpect(status().isFound());
		}
		finally {
			root.setLevel(level);
			root.detachAppender(captured);
		}
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : captured.list) {
			lines.add(event.getFormattedMessage());
			for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
				lines.add(t.getClassName() + ": " + t.getMessage());
			}
			event.getMDCPropertyMap().values().forEach(lines::add);
		}
		assertThat(lines).as("log lines during intake, actions and reveal").isNotEmpty();
		assertThat(lines).noneMatch(line -> line != null && FULL_NUMBER.matcher(line).find());
	}

	@Test
	void listViewsAndExportsShowNoFullNumber() throws Exception {
		String title = "个人信息列表" + suffix;
		long id = intakeThroughThePage(title);
		desk.dispatch(staff(Role.COORDINATOR, branch), id, version(id),
				new Dispatch("EMERGENCY", Urgency.URGENT, stationA, List.of(), null));
		CurrentStaff clerk = staff(Role.INTAKE_CLERK, branch);
		CurrentStaff coordinator = staff(Role.COORDINATOR, branch);
		CurrentStaff handler = staff(Role.HANDLER, stationA);
		CurrentStaff leader = staff(Role.UNIT_LEADER, stationA);
		CurrentStaff branchLeader = staff(Role.BRANCH_LEADER, branch);

		Map<String, CurrentStaff> pages = new java.util.LinkedHashMap<>();
		pages.put("/matters/board?q=" + suffix, coordinator);
		pages.put("/matters/board?q=" + suffix + "#branch", branchLeader);
		pages.put("/matters/todo", handler);
		pages.put("/matters/todo?tab=SIGN", leader);
		pages.put("/matters/intake", clerk);
		pages.put("/matters/notices", coordinator);
		pages.put("/statistics", branchLeader);
		pages.put("/statistics/data.json", branchLeader);
		pages.put("/organization/officers", staff(Role.SYSTEM_ADMIN, branch));
		pages.put("/accounts", staff(Role.SECURITY_ADMIN, branch));
		pages.put("/api/v1/matters?size=100", coordinator);
		for (Map.Entry<String, CurrentStaff> page : pages.entrySet()) {
			String body = mvc.perform(get(page.getKey().replace("#branch", ""))
				.with(authentication(TestStaff.as(page.getValue())))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(body).as(page.getKey()).doesNotContain(PHONE).doesNotContain(ID_NUMBER);
		}
		// The board is where a list would show the submitter: it does show the matter, not its numbers.
		String board = mvc.perform(get("/matters/board?q=" + suffix).with(authentication(TestStaff.as(coordinator))))
			.andReturn().getResponse().getContentAsString();
		assertThat(board).contains(title);
		// The API's list masks the phone it carries.
		String api = mvc.perform(get("/api/v1/matters?size=100").with(authentication(TestStaff.as(coordinator))))
			.andReturn().getResponse().getContentAsString();
		assertThat(api).contains(MASKED_PHONE);

		Map<String, CurrentStaff> exports = new java.util.LinkedHashMap<>();
		exports.put("/matters/board/export.xlsx?q=" + suffix, coordinator);
		exports.put("/statistics/export.xlsx", branchLeader);
		exports.put("/organization/officers/export.xlsx", staff(Role.SYSTEM_ADMIN, branch));
		exports.put("/accounts/export.xlsx", staff(Role.SECURITY_ADMIN, branch));
		exports.put("/audit/export", staff(Role.AUDITOR, branch));
		for (Map.Entry<String, CurrentStaff> export : exports.entrySet()) {
			MvcResult result = mvc.perform(get(export.getKey())
				.with(authentication(TestStaff.as(export.getValue())))).andExpect(status().isOk()).andReturn();
			// A streamed export finishes in an async dispatch.
			MockHttpServletResponse response = result.getRequest().isAsyncStarted()
					? mvc.perform(asyncDispatch(result)).andReturn().getResponse() : result.getResponse();
			String text = workbookText(response.getContentAsByteArray());
			assertThat(text).as(export.getKey()).doesNotContain(PHONE).doesNotContain(ID_NUMBER);
			if (export.getKey().startsWith("/matters/board")) {
				assertThat(text).contains(title);
			}
			if (export.getKey().startsWith("/audit")) {
				// The audit trail holds the new matter with its numbers masked.
				assertThat(text).contains(MASKED_PHONE);
			}
		}
	}

	@Test
	void theMatterPageMasksAndRevealsOnlyToThoseWhoCallBackWithAnAuditRecord() throws Exception {
		long id = intakeThroughThePage("个人信息显示" + suffix);
		desk.dispatch(staff(Role.COORDINATOR, branch), id, version(id),
				new Dispatch("EMERGENCY", Urgency.URGENT, stationA, List.of(new CoHandling(stationB, "协助走访", null)),
						null));

		for (Role role : EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR, Role.BRANCH_LEADER)) {
			String page = page(id, staff(role, branch));
			assertThat(page).as(role.name()).contains(MASKED_PHONE, MASKED_ID).doesNotContain(PHONE, ID_NUMBER);
		}
		assertThat(page(id, staff(Role.COORDINATOR, branch))).contains("id=\"reveal-phone\"", "id=\"reveal-idNumber\"");
		assertThat(page(id, staff(Role.BRANCH_LEADER, branch))).doesNotContain("id=\"reveal-phone\"");
		// The co-handling station sees the matter but has no button, and pressing it anyway is refused.
		CurrentStaff coHandler = staff(Role.HANDLER, stationB);
		assertThat(page(id, coHandler)).contains(MASKED_PHONE).doesNotContain("id=\"reveal-phone\"");

		long auditsBefore = reveals(id);
		record Refusal(CurrentStaff staff, int status) {
		}
		for (Refusal refusal : List.of(new Refusal(staff(Role.BRANCH_LEADER, branch), 403),
				new Refusal(coHandler, 403), new Refusal(staff(Role.UNIT_LEADER, stationB), 403),
				new Refusal(staff(Role.HANDLER, locksmith), 404), new Refusal(staff(Role.SYSTEM_ADMIN, branch), 404),
				new Refusal(staff(Role.AUDITOR, branch), 404))) {
			MockHttpServletResponse response = reveal(id, "PHONE", refusal.staff());
			assertThat(response.getStatus()).as(refusal.staff().roles() + " at " + refusal.staff().unitId())
				.isEqualTo(refusal.status());
			assertThat(response.getContentAsString()).doesNotContain(PHONE);
		}
		assertThat(reveals(id)).as("a refused reveal leaves no reveal record").isEqualTo(auditsBefore);

		for (CurrentStaff allowed : List.of(staff(Role.INTAKE_CLERK, branch), staff(Role.COORDINATOR, branch),
				staff(Role.HANDLER, stationA), staff(Role.UNIT_LEADER, stationA))) {
			MockHttpServletResponse phone = reveal(id, "PHONE", allowed);
			assertThat(phone.getStatus()).isEqualTo(200);
			assertThat(phone.getContentAsString()).contains(PHONE).doesNotContain(ID_NUMBER);
			MockHttpServletResponse idNumber = reveal(id, "ID_NUMBER", allowed);
			assertThat(idNumber.getContentAsString()).contains(ID_NUMBER).doesNotContain(PHONE);
		}
		assertThat(reveals(id)).isEqualTo(auditsBefore + 8);
		List<Map<String, Object>> records = jdbc
			.sql("SELECT actor, detail FROM audit_event WHERE action = 'matter.reveal' AND target_id = :id")
			.param("id", String.valueOf(id))
			.query()
			.listOfRows();
		assertThat(records).allSatisfy(row -> {
			String detail = String.valueOf(row.get("detail"));
			assertThat(detail).containsAnyOf("phone", "idNumber").doesNotContain(PHONE, ID_NUMBER, "5678", "002X");
		});
		// The page after a reveal is not a redirect: nothing about the number is kept in the session.
		assertThat(reveal(id, "PHONE", staff(Role.COORDINATOR, branch)).getRedirectedUrl()).isNull();
		mvc.perform(post("/matters/" + id + "/reveal").param("field", "PASSWORD")
			.with(authentication(TestStaff.as(staff(Role.COORDINATOR, branch)))).with(csrf()))
			.andExpect(status().is4xxClientError());
	}

	private long reveals(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'matter.reveal' AND target_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

	private String page(long id, CurrentStaff staff) throws Exception {
		return mvc.perform(get("/matters/" + id).with(authentication(TestStaff.as(staff))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletResponse reveal(long id, String field, CurrentStaff staff) throws Exception {
		return mvc.perform(post("/matters/" + id + "/reveal").param("field", field)
			.with(authentication(TestStaff.as(staff))).with(csrf())).andReturn().getResponse();
	}

	private long intakeThroughThePage(String title) throws Exception {
		String location = mvc.perform(intake(title)).andExpect(status().isFound()).andReturn().getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring("/matters/".length()));
	}

	private MockHttpServletRequestBuilder intake(String title, String... replaced) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("channel", "PHONE");
		fields.put("kind", "HELP");
		fields.put("urgency", "URGENT");
		fields.put("title", title);
		fields.put("description", "孩子被反锁在屋内，请求开锁。");
		fields.put("address", "某小区 7 号楼 701");
		fields.put("name", "王女士");
		fields.put("phone", PHONE);
		fields.put("idNumber", ID_NUMBER);
		for (int i = 0; i < replaced.length; i += 2) {
			fields.put(replaced[i], replaced[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/matters/intake")
			.with(authentication(TestStaff.as(staff(Role.INTAKE_CLERK, branch))))
			.with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private int version(long id) {
		return jdbc.sql("SELECT version FROM matter WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private String trackingCode(long id) {
		return jdbc.sql("SELECT tracking_code FROM matter WHERE id = :id").param("id", id).query(String.class).single();
	}

	private static CurrentStaff staff(Role role, long unitId) {
		return new CurrentStaff(2000 + unitId, "pd" + unitId, 2000 + unitId, "民警" + unitId, unitId, "单位" + unitId,
				EnumSet.of(role));
	}

	/** Every cell of every sheet, as text. */
	static String workbookText(byte[] xlsx) throws Exception {
		StringBuilder text = new StringBuilder();
		DataFormatter formatter = new DataFormatter();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(formatter.formatCellValue(cell)).append('\t');
					}
					text.append('\n');
				}
			}
		}
		return text.toString();
	}

}
