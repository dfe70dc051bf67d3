package cn.shouhu.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import cn.shouhu.TestStaff;
import cn.shouhu.organization.OrganizationSpringTest;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.Role;

@AutoConfigureMockMvc
class OrganizationPagesTest extends OrganizationSpringTest {

	@Autowired
	MockMvc mvc;

	private Authentication admin(Branch b) {
		return TestStaff.as(Role.SYSTEM_ADMIN, b.root());
	}

	private int officerVersion(long id) {
		return jdbc.sql("SELECT version FROM officer WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private int unitVersion(long id) {
		return jdbc.sql("SELECT version FROM unit WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	@Test
	void aUnitLeaderSeesOnlyTheirStationsOfficersAndAnotherStationsOfficerIsA404() throws Exception {
		Branch b = branch();
		long own = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		long other = setup.createOfficer("200001", "李娜", b.minzuTeam(), "社区民警", false);
		audit.clear();
		Authentication leader = TestStaff.as(Role.UNIT_LEADER, b.zhaotan());

		mvc.perform(get("/organization/officers").with(authentication(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("张伟"), containsString("沼潭派出所/社区警务队"),
					not(containsString("李娜")), not(containsString("200001")))));
		mvc.perform(get("/organization/officers/" + own).with(authentication(leader))).andExpect(status().isOk());
		mvc.perform(get("/organization/officers/" + other).with(authentication(leader)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("李娜"))));
		mvc.perform(get("/organization/officers/" + other + "/edit").with(authentication(leader)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/organization/officers/" + other + "/edit").with(authentication(leader))
			.with(csrf())
			.param("badgeNo", "200001")
			.param("name", "王强")
			.param("version", String.valueOf(officerVersion(other)))).andExpect(status().isNotFound());
		mvc.perform(post("/organization/officers/" + other + "/leave").with(authentication(leader))
			.with(csrf())
			.param("status", "RETIRED")
			.param("version", String.valueOf(officerVersion(other)))).andExpect(status().isNotFound());

		assertThat(jdbc.sql("SELECT name || '/' || status FROM officer WHERE id = :id").param("id", other)
			.query(String.class).single()).isEqualTo("李娜/ACTIVE");
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void staffWithoutTheRosterGet403ButReadTheUnitTree() throws Exception {
		Branch b = branch();
		Authentication handler = TestStaff.as(Role.HANDLER, b.zhaotan());
		mvc.perform(get("/organization/officers").with(authentication(handler))).andExpect(status().isForbidden());
		mvc.perform(get("/organization/officers/export.xlsx").with(authentication(handler)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/organization/units").with(authentication(handler)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("昆都仑区分局"), containsString("民族东路派出所"),
					containsString("外部协作单位"))));
		mvc.perform(post("/organization/units").with(authentication(handler))
			.with(csrf())
			.param("parentId", String.valueOf(b.root()))
			.param("name", "新队")
			.param("unitType", "TEAM")).andExpect(status().isForbidden());
		mvc.perform(get("/organization/officers/new").with(authentication(TestStaff.as(Role.BRANCH_LEADER, b.root()))))
			.andExpect(status().isForbidden());
		assertThat(count("unit")).isEqualTo(6);
	}

	@Test
	void theUnitPagesShowTheTreeAndExplainARefusedMoveBesideTheField() throws Exception {
		Branch b = branch();
		setup.setJurisdiction(b.zhaotan(), java.util.List.of("沼潭社区"), java.util.List.of("钢铁大街"));
		long closed = setup.createUnit(b.root(), "旧派出所", UnitType.STATION, 50);
		Authentication admin = admin(b);
		mvc.perform(post("/organization/units/" + closed + "/deactivate").with(authentication(admin))
			.with(csrf())
			.param("version", String.valueOf(unitVersion(closed))))
			.andExpect(redirectedUrl("/organization/units/" + closed));

		mvc.perform(get("/organization/units").with(authentication(admin)))
			.andExpect(content().string(allOf(containsString("旧派出所"), containsString("停用"))));
		mvc.perform(get("/organization/units/" + b.zhaotan()).with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("社区警务队"), containsString("沼潭社区"),
					containsString("钢铁大街"), containsString("新建下级单位"))));

		mvc.perform(post("/organization/units/" + b.zhaotan() + "/move").with(authentication(admin))
			.with(csrf())
			.param("parentId", String.valueOf(b.zhaotanTeam()))
			.param("version", String.valueOf(unitVersion(b.zhaotan()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能把“沼潭派出所”移到“社区警务队”之下")));

		mvc.perform(post("/organization/units/" + b.zhaotan() + "/deactivate").with(authentication(admin))
			.with(csrf())
			.param("version", String.valueOf(unitVersion(b.zhaotan()))))
			.andExpect(redirectedUrl("/organization/units/" + b.zhaotan()));
		assertThat(jdbc.sql("SELECT active FROM unit WHERE id = :id").param("id", b.zhaotan())
			.query(Boolean.class).single()).isTrue();

		mvc.perform(post("/organization/units").with(authentication(admin))
			.with(csrf())
			.param("parentId", String.valueOf(b.zhaotan()))
			.param("name", " ")
			.param("unitType", "TEAM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写单位名称")));
		mvc.perform(post("/organization/units").with(authentication(admin))
			.with(csrf())
			.param("parentId", String.valueOf(b.zhaotan()))
			.param("name", "打击办案队")
			.param("unitType", "TEAM")
			.param("sortOrder", "2")).andExpect(status().is3xxRedirection());
		assertThat(count("unit")).isEqualTo(8);
	}

	@Test
	void theOfficerFormShowsChineseMessagesBesideTheFieldsAndAStaleFormIsA409() throws Exception {
		Branch b = branch();
		long zhang = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		Authentication admin = admin(b);

		mvc.perform(post("/organization/officers").with(authentication(admin))
			.with(csrf())
			.param("badgeNo", "12345")
			.param("name", "Zhang")
			.param("unitId", String.valueOf(b.zhaotan())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("警号须为 6 位数字"), containsString("姓名须为 2 至 20 个汉字"))));
		mvc.perform(post("/organization/officers").with(authentication(admin))
			.with(csrf())
			.param("badgeNo", "100231")
			.param("name", "王强")
			.param("unitId", String.valueOf(b.zhaotan())))
			.andExpect(content().string(containsString("警号 100231 已被使用")));
		assertThat(count("officer")).isEqualTo(1);

		int opened = officerVersion(zhang);
		mvc.perform(post("/organization/officers/" + zhang + "/edit").with(authentication(admin))
			.with(csrf())
			.param("badgeNo", "100231")
			.param("name", "张伟")
			.param("position", "警长")
			.param("version", String.valueOf(opened))).andExpect(redirectedUrl("/organization/officers/" + zhang));
		mvc.perform(post("/organization/officers/" + zhang + "/edit").with(authentication(admin))
			.with(csrf())
			.param("badgeNo", "100231")
			.param("name", "张卫")
			.param("version", String.valueOf(opened)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已被他人修改")));
		assertThat(jdbc.sql("SELECT name FROM officer WHERE id = :id").param("id", zhang).query(String.class).single())
			.isEqualTo("张伟");
	}

	@Test
	void theListSearchesSortsAndAnswersHtmxWithTheResultsOnly() throws Exception {
		Branch b = branch();
		setup.createOfficer("100231", "张伟", b.zhaotanTeam(), null, true);
		setup.createOfficer("100232", "李娜", b.minzu(), null, false);
		Authentication admin = admin(b);

		mvc.perform(get("/organization/officers").with(authentication(admin))
			.param("unitId", String.valueOf(b.minzu()))
			.param("sort", "name")
			.param("dir", "desc")
			.param("size", "50"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("李娜"), not(containsString("张伟")))));
		mvc.perform(get("/organization/officers").with(authentication(admin)).header("HX-Request", "true")
			.param("q", "张")
			.param("unitId", "")
			.param("status", "")
			.param("partyMember", "")
			.param("size", "20")
			.param("sort", "badge")
			.param("dir", "asc"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"results\""), containsString("张伟"),
					containsString("export.xlsx?q=%E5%BC%A0"), not(containsString("<html")),
					not(containsString("李娜")))));
	}

	@Test
	void theTemplateDownloadsAndAnUploadShowsTheRowByRowReport() throws Exception {
		Branch b = branch();
		Authentication leader = TestStaff.as(Role.UNIT_LEADER, b.zhaotan());

		byte[] template = mvc.perform(get("/organization/officers/import/template.xlsx").with(authentication(leader)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Row header = workbook.getSheetAt(0).getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("警号");
			assertThat(header.getCell(5).getStringCellValue()).isEqualTo("状态(在职/调离/退休)");
		}

		mvc.perform(get("/organization/officers/import").with(authentication(leader)))
			.andExpect(content().string(allOf(containsString("全部成功才导入"), containsString("仅导入有效行"),
					containsString("只要有一行有错，整个文件都不导入"))));

		byte[] file = cn.shouhu.organization.Spreadsheets.xlsx(
				new String[] { "警号", "姓名", "单位", "职务", "党员(是/否)", "状态(在职/调离/退休)" },
				new String[] { "100231", "张伟", "沼潭派出所", null, "是", "在职" },
				new String[] { "1002", "李娜", "民族东路派出所", null, null, null });
		mvc.perform(multipart("/organization/officers/import")
			.file(new MockMultipartFile("file", "民警.xlsx", "application/octet-stream", file))
			.param("mode", "ALL_OR_NOTHING")
			.with(authentication(leader))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("本次没有导入任何民警"), containsString("警号须为 6 位数字"),
					containsString("单位“民族东路派出所”不在您的管理范围内"))));
		assertThat(count("officer")).isZero();

		mvc.perform(multipart("/organization/officers/import")
			.file(new MockMultipartFile("file", "民警.xlsx", "application/octet-stream", file))
			.param("mode", "VALID_ROWS_ONLY")
			.with(authentication(leader))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已导入 1 名民警，1 行有错误未导入")));
		assertThat(count("officer")).isEqualTo(1);

		mvc.perform(multipart("/organization/officers/import")
			.file(new MockMultipartFile("file", "notes.xlsx", "application/octet-stream", "hello".getBytes()))
			.with(authentication(leader))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("不是有效的 Excel .xlsx 文件")));
	}

	@Test
	void theExportDownloadsTheFilteredListAsXlsx() throws Exception {
		Branch b = branch();
		setup.createOfficer("100231", "张伟", b.zhaotanTeam(), null, true);
		setup.createOfficer("100232", "李娜", b.minzu(), null, false);

		byte[] body = mvc.perform(get("/organization/officers/export.xlsx")
			.with(authentication(TestStaff.as(Role.BRANCH_LEADER, b.root())))
			.param("partyMember", "false"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("李娜");
		}
	}

	@Test
	void everyPageRendersInChineseAndEnglishWithoutMissingTexts() throws Exception {
		Branch b = branch();
		setup.setJurisdiction(b.zhaotan(), java.util.List.of("沼潭社区"), java.util.List.of());
		long zhang = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		Authentication admin = admin(b);
		String[] pages = { "/organization/units", "/organization/units/" + b.zhaotan(), "/organization/units/new",
				"/organization/units/new?parentId=" + b.zhaotan(), "/organization/units/" + b.zhaotan() + "/edit",
				"/organization/units/" + b.zhaotanTeam() + "/move", "/organization/units/" + b.fire(),
				"/organization/officers", "/organization/officers/" + zhang, "/organization/officers/new",
				"/organization/officers/" + zhang + "/edit", "/organization/officers/" + zhang + "/transfer",
				"/organization/officers/import" };
		for (String lang : new String[] { "zh_CN", "en" }) {
			for (String page : pages) {
				mvc.perform(get(page).param("lang", lang).with(authentication(admin)))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString("??"))));
			}
		}
		mvc.perform(get("/organization/officers/" + zhang).param("lang", "en").with(authentication(admin)))
			.andExpect(content().string(allOf(containsString("Badge number"), containsString("Transfer officer"))));
	}

	@Test
	void aTransferThroughTheFormMovesTheOfficerAndSaysWhere() throws Exception {
		Branch b = branch();
		long zhang = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		Authentication leader = TestStaff.as(Role.UNIT_LEADER, b.zhaotan());

		mvc.perform(post("/organization/officers/" + zhang + "/transfer").with(authentication(leader))
			.with(csrf())
			.param("unitId", String.valueOf(b.minzu()))
			.param("version", String.valueOf(officerVersion(zhang))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("单位“民族东路派出所”不在您的管理范围内")));
		mvc.perform(post("/organization/officers/" + zhang + "/transfer").with(authentication(leader))
			.with(csrf())
			.param("unitId", String.valueOf(b.zhaotan()))
			.param("version", String.valueOf(officerVersion(zhang))))
			.andExpect(redirectedUrl("/organization/officers/" + zhang))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashSuccess", "已将“张伟”调往“沼潭派出所”。"));
		assertThat(jdbc.sql("SELECT unit_id FROM officer WHERE id = :id").param("id", zhang).query(Long.class)
			.single()).isEqualTo(b.zhaotan());
	}

}
