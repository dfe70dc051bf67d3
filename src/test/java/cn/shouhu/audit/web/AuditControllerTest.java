package cn.shouhu.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.shouhu.TestStaff;
import cn.shouhu.audit.AuditApplicationTest;
import cn.shouhu.audit.internal.AuditChain;
import cn.shouhu.audit.internal.AuditorDesk;
import cn.shouhu.audit.internal.ChainVerification;
import cn.shouhu.audit.internal.Outcome;
import cn.shouhu.audit.internal.PendingEvent;
import cn.shouhu.shared.Role;

/** The auditor's page: who may open it, what its filters, pages, export and verification show. */
@AuditApplicationTest
class AuditControllerTest {

	static final Authentication AUDITOR = TestStaff.as(Role.AUDITOR, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcTemplate jdbc;

	/** This test's own actor, so rows other tests append do not matter. */
	String actor;

	@BeforeEach
	void uniqueActor() {
		actor = "u" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void theAuditorSeesTheTrail() throws Exception {
		append(actor, "organization", "officer.update", Outcome.SUCCESS, "42", "10.1.1.1",
				Instant.parse("2025-03-01T02:00:00Z"));

		mvc.perform(get("/audit").queryParam("actor", actor).with(authentication(AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("审计日志")))
			.andExpect(content().string(containsString("2025-03-01 10:00:00 +08:00")))
			.andExpect(content().string(containsString("138****5678")))
			.andExpect(content().string(containsString("139****4321")));
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "AUDITOR", mode = EnumSource.Mode.EXCLUDE)
	void everyOtherRoleIsRefused(Role role) throws Exception {
		mvc.perform(get("/audit").with(authentication(TestStaff.as(role, 1)))).andExpect(status().isForbidden());
		mvc.perform(get("/audit/export").with(authentication(TestStaff.as(role, 1))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/audit/verify").with(authentication(TestStaff.as(role, 1))).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aStaffMemberWithEveryOtherRoleIsStillRefused() throws Exception {
		EnumSet<Role> allButAuditor = EnumSet.complementOf(EnumSet.of(Role.AUDITOR));

		mvc.perform(get("/audit").with(authentication(TestStaff.as(allButAuditor, 1))))
			.andExpect(status().isForbidden());
	}

	@Test
	void nobodySignedInIsSentToSignIn() throws Exception {
		mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
	}

	@Test
	void filtersByEveryCriterion() throws Exception {
		append(actor, "organization", "officer.update", Outcome.SUCCESS, "A1", "10.1.1.1",
				Instant.parse("2025-03-01T02:00:00Z"));
		append(actor, "accounts", "account.disable", Outcome.SUCCESS, "A2", "10.2.1.1",
				Instant.parse("2025-03-05T02:00:00Z"));
		append(actor, "security", "access.denied", Outcome.DENIED, "A3", "10.1.9.9",
				Instant.parse("2025-03-09T17:00:00Z"));

		assertThat(targets("actor", actor)).containsExactly("A3", "A2", "A1");
		assertThat(targets("actor", actor, "module", "accounts")).containsExactly("A2");
		assertThat(targets("actor", actor, "action", "officer.")).containsExactly("A1");
		assertThat(targets("actor", actor, "action", "officer%")).isEmpty();
		assertThat(targets("actor", actor, "outcome", "DENIED")).containsExactly("A3");
		assertThat(targets("actor", actor, "ip", "10.1.")).containsExactly("A3", "A1");
		assertThat(targets("actor", actor, "targetType", "thing", "targetId", "A2")).containsExactly("A2");
		// Dates are whole days in Beijing time: 2025-03-09T17:00Z is already 10 March there.
		assertThat(targets("actor", actor, "from", "2025-03-02", "to", "2025-03-09")).containsExactly("A2");
		assertThat(targets("actor", actor, "from", "2025-03-10")).containsExactly("A3");
		assertThat(targets("actor", actor, "sort", "OLDEST_FIRST")).containsExactly("A1", "A2", "A3");
		assertThat(targets("actor", actor, "sort", "id; DROP TABLE audit_event")).containsExactly("A3", "A2", "A1");
		assertThat(targets("actor", "someone-else-" + actor)).isEmpty();
	}

	@Test
	void aMalformedFilterIsIgnoredWithAMessage() throws Exception {
		append(actor, "organization", "officer.update", Outcome.SUCCESS, "B1", null, Instant.now());

		mvc.perform(get("/audit").queryParam("actor", actor).queryParam("from", "yesterday")
			.queryParam("outcome", "MAYBE")
			.with(authentication(AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("部分查询条件格式有误")))
			.andExpect(content().string(containsString("B1")));
	}

	@Test
	void pagesThroughTheRowsWithAChosenPageSize() throws Exception {
		for (int i = 1; i <= 25; i++) {
			append(actor, "test", "page.row", Outcome.SUCCESS, "P" + i, null,
					Instant.parse("2025-04-01T00:00:00Z").plusSeconds(i));
		}

		AuditorDesk.Page first = page("actor", actor, "size", "20");
		AuditorDesk.Page second = page("actor", actor, "size", "20", "page", "2");
		AuditorDesk.Page large = page("actor", actor, "size", "50");
		AuditorDesk.Page notOffered = page("actor", actor, "size", "100000");

		assertThat(first.total()).isEqualTo(25);
		assertThat(first.rows()).hasSize(20);
		assertThat(first.rows().get(0).targetId()).isEqualTo("P25");
		assertThat(second.rows()).extracting(e -> e.targetId()).containsExactly("P5", "P4", "P3", "P2", "P1");
		assertThat(large.rows()).hasSize(25);
		assertThat(notOffered.size()).isEqualTo(20);
	}

	@Test
	void exportsTheFilteredRowsAsAWorkbook() throws Exception {
		append(actor, "organization", "officer.update", Outcome.SUCCESS, "E1", "10.1.1.1",
				Instant.parse("2025-03-01T02:00:00Z"));
		append(actor, "accounts", "account.disable", Outcome.SUCCESS, "E2", "10.2.1.1",
				Instant.parse("2025-03-05T02:00:00Z"));
		append("other-" + actor, "accounts", "account.disable", Outcome.SUCCESS, "E3", null, Instant.now());

		MvcResult result = mvc
			.perform(get("/audit/export").queryParam("actor", actor).queryParam("sort", "OLDEST_FIRST")
				.with(authentication(AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", AuditController.XLSX))
			.andExpect(header().string("Content-Disposition", startsWith("attachment")))
			.andReturn();

		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row first = sheet.getRow(1);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("2025-03-01 10:00:00 +08:00");
			assertThat(first.getCell(2).getStringCellValue()).isEqualTo(actor);
			assertThat(first.getCell(9).getStringCellValue()).isEqualTo("E1");
			assertThat(first.getCell(10).getStringCellValue()).contains("138****5678").doesNotContain("13812345678");
			assertThat(first.getCell(12).getStringCellValue()).hasSize(64);
			assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("E2");
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'audit.export' "
				+ "AND actor = ? AND detail LIKE ?", Long.class, "test-auditor-1", "%" + actor + "%")).isEqualTo(1);
	}

	@Test
	void verifiesTheChainAndNamesTheRowThatWasChanged() throws Exception {
		long id = append(actor, "organization", "officer.update", Outcome.SUCCESS, "V1", null, Instant.now());

		mvc.perform(post("/audit/verify").header("HX-Request", "true").with(authentication(AUDITOR)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("哈希链完整")))
			.andExpect(content().string(not(containsString("<html"))));

		String original = jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, id);
		jdbc.execute("DROP TRIGGER audit_event_append_only");
		try {
			jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE id = ?", id);
			mvc.perform(post("/audit/verify").header("HX-Request", "true").with(authentication(AUDITOR))
				.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("哈希链已被破坏")))
				.andExpect(content().string(containsString("第 " + id + " 条记录的内容与其哈希不符")));
		}
		finally {
			jdbc.update("UPDATE audit_event SET actor = ? WHERE id = ?", original, id);
			jdbc.execute("CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW "
					+ "CALL 'cn.shouhu.audit.internal.AppendOnlyTrigger'");
		}
	}

	@Test
	void aPlainFormPostShowsTheResultOnTheListPage() throws Exception {
		MvcResult result = mvc.perform(post("/audit/verify").with(authentication(AUDITOR)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/audit"))
			.andExpect(flash().attributeExists("verification"))
			.andReturn();

		assertThat(((ChainVerification) result.getFlashMap().get("verification")).intact()).isTrue();
	}

	@Test
	void aMalformedAnchorIsExplained() throws Exception {
		mvc.perform(post("/audit/verify").param("anchor", "12:not-a-hash").header("HX-Request", "true")
			.with(authentication(AUDITOR)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("锚点格式应为")));
	}

	private long append(String who, String module, String action, Outcome outcome, String targetId, String ip,
			Instant at) {
		String detail = "{\"after\":{\"phone\":\"139****4321\"},\"before\":{\"phone\":\"138****5678\"}}";
		return chain.appendAlone(new PendingEvent(at, who, 5L, ip, module, action, outcome, "thing", targetId, detail))
			.id();
	}

	private AuditorDesk.Page page(String... params) throws Exception {
		var request = get("/audit").with(authentication(AUDITOR));
		for (int i = 0; i < params.length; i += 2) {
			request.queryParam(params[i], params[i + 1]);
		}
		MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
		return (AuditorDesk.Page) result.getModelAndView().getModel().get("page");
	}

	private List<String> targets(String... params) throws Exception {
		List<String> targets = new ArrayList<>();
		page(params).rows().forEach(e -> targets.add(e.targetId()));
		return targets;
	}

}
