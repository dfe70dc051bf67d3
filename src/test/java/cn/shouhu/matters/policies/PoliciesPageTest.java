package cn.shouhu.matters.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

import cn.shouhu.TestStaff;
import cn.shouhu.audit.AuditRecord;
import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterDetails;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.organization.CapturingAuditTrail;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/** The administrator's time-limit and category pages on the migrated test database, with real dispatches. */
// A context of its own: the tests give categories fixed units, which tests that empty the unit table must not meet.
@SpringBootTest(properties = "shouhu.test.context=policies")
@AutoConfigureMockMvc
@Import(CapturingAuditTrail.Config.class)
class PoliciesPageTest {

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	PolicyAdmin policies;

	@Autowired
	MatterCategories categories;

	@Autowired
	MatterDesk desk;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	CapturingAuditTrail audit;

	long branch;

	long station;

	@BeforeEach
	void createUnits() {
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		station = organization.createUnit(branch, "沼潭派出所-" + UNITS.incrementAndGet(), UnitType.STATION, 1);
		audit.clear();
	}

	@Test
	void listsEveryRowInChinese() throws Exception {
		String page = mvc.perform(get("/matters/policies").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("办理时限", "兜底规则", "求助", "特急", "紧急求助", "30 工作分钟", "任意", "3 工作日",
				"已计算的时限不会改变");
		assertThat(page).doesNotContain("matters-policies.", "WORKING_MINUTES", "??");
		PolicyRow help = row(MatterKind.HELP, null, null);
		for (String url : List.of("/matters/policies/new", "/matters/policies/" + help.id() + "/edit",
				"/matters/categories/new", "/matters/categories/TRAFFIC/edit")) {
			assertThat(mvc.perform(get(url).with(admin()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()).doesNotContain("matters-policies.", "??").contains("保存");
		}
		assertThat(mvc.perform(get("/matters/policies/{id}/edit", help.id()).with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString()).containsPattern("name=\"signAmount\"[^>]*value=\"30\"")
			.containsPattern("value=\"WORKING_MINUTES\"[^>]*selected");
	}

	@Test
	void editingARowChangesDeadlinesComputedAfterwardsOnly() throws Exception {
		mvc.perform(post("/matters/policies").with(admin()).with(csrf()).params(form(Map.of("kind", "COMPLAINT",
				"categoryCode", "CONDUCT", "urgency", "", "replyAmount", "5"))))
			.andExpect(redirectedUrl("/matters/policies"))
			.andExpect(flash().attribute("flashSuccess", "matters-policies.policy.added"));
		PolicyRow row = row(MatterKind.COMPLAINT, "CONDUCT", null);
		MatterDetails before = dispatchedComplaint();
		assertThat(before.deadlines().replyDue()).isEqualTo(calendar.plusWorkingDays(before.dispatchedAt(), 5));

		mvc.perform(post("/matters/policies/{id}/edit", row.id()).with(admin()).with(csrf())
			.params(form(Map.of("replyAmount", "2", "version", String.valueOf(row.version())))))
			.andExpect(redirectedUrl("/matters/policies"));

		MatterDetails after = dispatchedComplaint();
		assertThat(after.deadlines().replyDue()).isEqualTo(calendar.plusWorkingDays(after.dispatchedAt(), 2));
		assertThat(details(before.id()).deadlines().replyDue()).isEqualTo(before.deadlines().replyDue());
		List<AuditRecord> records = audit.records()
			.stream()
			.filter(record -> record.targetType().equals("time_limit_policy"))
			.toList();
		assertThat(records).extracting(AuditRecord::action)
			.containsExactly("time_limit_policy.create", "time_limit_policy.update");
		AuditRecord update = records.get(1);
		assertThat(update.targetId()).isEqualTo(String.valueOf(row.id()));
		assertThat(update.before().get("reply")).isEqualTo("5 WORKING_DAYS");
		assertThat(update.after().get("reply")).isEqualTo("2 WORKING_DAYS");
	}

	@Test
	void aDuplicateRowIsRefusedBesideTheField() throws Exception {
		List<PolicyRow> before = policies.all();
		String page = mvc
			.perform(post("/matters/policies").with(admin()).with(csrf()).params(form(Map.of("kind", "HELP",
					"categoryCode", "EMERGENCY", "urgency", "CRITICAL", "signAmount", "5"))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("policyForm", "kind", "matters-policies.policy.duplicate"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("已有相同诉求类型、业务类别和紧急程度的规则");
		assertThat(policies.all()).isEqualTo(before);
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void aCatchAllRowCannotBeDeletedButAnotherCan() throws Exception {
		PolicyRow catchAll = row(MatterKind.HELP, null, null);
		mvc.perform(post("/matters/policies/{id}/delete", catchAll.id()).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/matters/policies"))
			.andExpect(flash().attribute("flashError", "matters-policies.policy.catchAllKept"));
		assertThat(policies.all()).contains(catchAll);
		assertThat(audit.records()).isEmpty();

		mvc.perform(post("/matters/policies").with(admin()).with(csrf())
			.params(form(Map.of("kind", "PRAISE", "categoryCode", "", "urgency", "URGENT"))))
			.andExpect(redirectedUrl("/matters/policies"));
		PolicyRow extra = row(MatterKind.PRAISE, null, Urgency.URGENT);
		mvc.perform(post("/matters/policies/{id}/delete", extra.id()).with(admin()).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "matters-policies.policy.deleted"));
		assertThat(policies.all()).doesNotContain(extra);
		assertThat(audit.actions()).containsExactly("time_limit_policy.create", "time_limit_policy.delete");
		assertThat(audit.records().get(1).before().get("urgency")).isEqualTo("URGENT");
	}

	@Test
	void invalidNumbersAreRefusedAndNothingChanges() throws Exception {
		PolicyRow enquiry = row(MatterKind.ENQUIRY, null, null);
		String page = mvc
			.perform(post("/matters/policies/{id}/edit", enquiry.id()).with(admin()).with(csrf())
				.params(form(Map.of("signAmount", "0", "signUnit", "WORKING_MINUTES", "replyAmount", "abc", "closeAmount", "9999", "extensionDays",
						"-1", "version", String.valueOf(enquiry.version())))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("policyForm", "signAmount", "matters-policies.field.range"))
			.andExpect(model().attributeHasFieldErrorCode("policyForm", "replyAmount", "typeMismatch"))
			.andExpect(model().attributeHasFieldErrorCode("policyForm", "closeAmount", "matters-policies.field.range"))
			.andExpect(model().attributeHasFieldErrorCode("policyForm", "extensionDays", "matters-policies.field.range"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("请输入 1 至 4800 之间的整数", "请输入 1 至 60 之间的整数", "请输入整数。",
				"请输入 0 至 60 之间的整数");
		assertThat(policies.get(enquiry.id())).isEqualTo(enquiry);
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void aStaleFormGetsA409() throws Exception {
		PolicyRow tipOff = row(MatterKind.TIP_OFF, null, null);
		mvc.perform(post("/matters/policies/{id}/edit", tipOff.id()).with(admin()).with(csrf())
			.params(form(Map.of("version", String.valueOf(tipOff.version() + 7)))))
			.andExpect(status().isConflict());
		assertThat(policies.get(tipOff.id())).isEqualTo(tipOff);
	}

	@Test
	void onlySystemAdministratorsMayUseThePages() throws Exception {
		PolicyRow praise = row(MatterKind.PRAISE, null, null);
		var coordinator = authentication(TestStaff.as(EnumSet.of(Role.COORDINATOR, Role.BRANCH_LEADER), branch));
		mvc.perform(get("/matters/policies").with(coordinator)).andExpect(status().isForbidden());
		mvc.perform(get("/matters/categories").with(coordinator)).andExpect(status().isForbidden());
		mvc.perform(post("/matters/policies/{id}/edit", praise.id()).with(coordinator).with(csrf())
			.params(form(Map.of("replyAmount", "1", "version", String.valueOf(praise.version())))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/matters/categories").with(coordinator).with(csrf())
			.params(category("LOST_PROPERTY", "失物招领")))
			.andExpect(status().isForbidden());
		assertThat(policies.get(praise.id())).isEqualTo(praise);
		assertThat(categories.find("LOST_PROPERTY")).isEmpty();
	}

	@Test
	void categoriesAreListedAddedAndEditedWithAnAuditRecord() throws Exception {
		assertThat(mvc.perform(get("/matters/categories").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("业务类别", "户政", "交通管理", "派出所", "启用");

		mvc.perform(post("/matters/categories").with(admin()).with(csrf()).params(category("noise", "噪声扰民")))
			.andExpect(model().attributeHasFieldErrorCode("categoryForm", "code", "matters-policies.category.code.invalid"));
		mvc.perform(post("/matters/categories").with(admin()).with(csrf()).params(category("HOUSEHOLD", "户籍")))
			.andExpect(model().attributeHasFieldErrorCode("categoryForm", "code", "matters-policies.category.code.taken"));
		assertThat(categories.find("HOUSEHOLD").orElseThrow().name()).isEqualTo("户政");
		assertThat(audit.records()).isEmpty();

		mvc.perform(post("/matters/categories").with(admin()).with(csrf()).params(category("NOISE", "噪声扰民")))
			.andExpect(redirectedUrl("/matters/categories"));
		assertThat(categories.find("NOISE").orElseThrow().name()).isEqualTo("噪声扰民");

		var edit = category("NOISE", "噪声污染");
		edit.set("defaultUnitId", String.valueOf(station));
		edit.set("leadUnitType", "BRIGADE");
		edit.set("version", "0");
		edit.remove("active");
		mvc.perform(post("/matters/categories/NOISE/edit").with(admin()).with(csrf()).params(edit))
			.andExpect(redirectedUrl("/matters/categories"));
		var noise = categories.find("NOISE").orElseThrow();
		assertThat(noise.name()).isEqualTo("噪声污染");
		assertThat(noise.defaultUnitId()).isEqualTo(station);
		assertThat(noise.leadUnitType()).isEqualTo(UnitType.BRIGADE);
		assertThat(noise.active()).isFalse();
		assertThat(audit.actions()).containsExactly("matter_category.create", "matter_category.update");
		Map<String, ?> before = audit.records().get(1).before();
		Map<String, ?> after = audit.records().get(1).after();
		assertThat(List.of(before.get("name"), before.get("active"))).containsExactly("噪声扰民", true);
		assertThat(List.of(after.get("name"), after.get("active"))).containsExactly("噪声污染", false);
	}

	private LinkedMultiValueMap<String, String> category(String code, String name) {
		var params = new LinkedMultiValueMap<String, String>();
		params.add("code", code);
		params.add("name", name);
		params.add("leadUnitType", "STATION");
		params.add("defaultUnitId", "");
		params.add("sortOrder", "200");
		params.add("active", "true");
		params.add("_active", "on");
		return params;
	}

	/** A complete policy form: every limit 1 working day unless overridden. */
	private static LinkedMultiValueMap<String, String> form(Map<String, String> overrides) {
		var params = new LinkedMultiValueMap<String, String>();
		for (String field : List.of("signAmount", "replyAmount", "closeAmount", "extensionDays", "returnDays",
				"reopenDays")) {
			params.add(field, "3");
		}
		for (String field : List.of("signUnit", "replyUnit", "closeUnit")) {
			params.add(field, "WORKING_DAYS");
		}
		overrides.forEach(params::set);
		return params;
	}

	private PolicyRow row(MatterKind kind, String category, Urgency urgency) {
		return policies.all()
			.stream()
			.filter(r -> r.hasKey(kind, category, urgency))
			.findFirst()
			.orElseThrow();
	}

	private MatterDetails dispatchedComplaint() {
		long id = desk.intake(staff(Role.INTAKE_CLERK), new Intake(Channel.WALK_IN, MatterKind.COMPLAINT, "CONDUCT",
				Urgency.NORMAL, "窗口民警态度生硬", "办理户籍业务时窗口民警态度生硬。", new Place("沼潭街道某小区", null, null, null),
				new Submitter(false, "赵先生", "15904721234", "11010519491231002X", null, null)))
			.id();
		desk.dispatch(staff(Role.COORDINATOR), id, details(id).version(),
				new Dispatch("CONDUCT", Urgency.NORMAL, station, List.of(), null));
		MatterDetails details = details(id);
		assertThat(details.dispatchedAt()).isBeforeOrEqualTo(Instant.now());
		return details;
	}

	private MatterDetails details(long id) {
		return desk.details(staff(Role.COORDINATOR), id);
	}

	private CurrentStaff staff(Role role) {
		return new CurrentStaff(1000 + branch, "u" + branch, 1000 + branch, "民警", branch, "分局", EnumSet.of(role));
	}

	private RequestPostProcessor admin() {
		return authentication(TestStaff.as(Role.SYSTEM_ADMIN, branch));
	}

}
