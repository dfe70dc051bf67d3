package cn.shouhu.organization.internal;

import static cn.shouhu.organization.Spreadsheets.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OrganizationSpringTest;
import cn.shouhu.organization.StaffLogin;
import cn.shouhu.organization.UnitType;
import cn.shouhu.organization.internal.OfficerImport.ImportMode;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/** The module's SQL on PostgreSQL: scoped queries with bound booleans, LIKE escapes, subtree moves, streaming. */
@PostgresTest
class OrganizationOnPostgresTest extends OrganizationSpringTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		// A database of its own: these tests empty the organisation, which other contexts' matters refer to.
		TestPostgres.registerOwnDatabase(registry);
	}

	@Autowired
	UnitTree tree;

	@Autowired
	Roster roster;

	@Autowired
	OfficerSearch search;

	@Autowired
	OfficerImport officerImport;

	@Autowired
	OfficerExport export;

	@Test
	void scopeSearchAndWritesBehaveOnPostgres() {
		Branch b = branch();
		long own = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), null, true);
		long other = setup.createOfficer("200001", "李娜", b.minzuTeam(), null, false);
		setup.createOfficer("100299", "王强", b.zhaotan(), null, false);
		StaffLogin.signIn(b.zhaotan(), Role.UNIT_LEADER);

		assertThat(search.search(OfficerCriteria.defaults()).items()).extracting(Roster.OfficerView::badgeNo)
			.containsExactly("100231", "100299");
		assertThat(search.search(new OfficerCriteria("_", null, null, null, "name", "desc", 1, 20)).total()).isZero();
		assertThat(search.search(new OfficerCriteria("王", null, null, null, "name", "desc", 1, 20)).items())
			.extracting(Roster.OfficerView::name)
			.containsExactly("王强");
		assertThat(search.search(new OfficerCriteria(null, b.zhaotanTeam(), OfficerStatus.ACTIVE, true, "status",
				"asc", 1, 20)).items()).extracting(Roster.OfficerView::id).containsExactly(own);
		assertThatThrownBy(() -> roster.get(other)).isInstanceOf(NotFoundException.class);

		roster.leave(own, 0, OfficerStatus.RETIRED);
		assertThat(roster.get(own).status()).isEqualTo(OfficerStatus.RETIRED);
	}

	@Test
	void aMoveRewritesTheSubtreeOnPostgres() {
		Branch b = branch();
		long squad = setup.createUnit(b.zhaotan(), "打击办案队", UnitType.TEAM, 2);
		long room = setup.createUnit(squad, "值班室", UnitType.TEAM, 0);
		setup.setJurisdiction(b.zhaotan(), List.of("沼潭社区"), List.of("钢铁大街"));
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		int version = jdbc.sql("SELECT version FROM unit WHERE id = :id").param("id", squad).query(Integer.class)
			.single();

		tree.move(squad, version, b.minzu());

		assertThat(path(room)).isEqualTo(path(b.minzu()) + squad + "/" + room + "/");
		assertThat(tree.page(b.zhaotan()).communities()).containsExactly("沼潭社区");
	}

	@Test
	void importAndStreamingExportWorkOnPostgres() throws Exception {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		byte[] file = xlsx(new String[] { "警号", "姓名", "单位", "职务", "党员(是/否)", "状态(在职/调离/退休)" },
				new String[] { "100231", "张伟", "沼潭派出所/社区警务队", "社区民警", "是", null },
				new String[] { "100232", "李娜", "民族东路派出所", null, "否", "退休" },
				new String[] { "100232", "王强", "民族东路派出所", null, null, null });

		OfficerImport.ImportReport report = officerImport.importOfficers(new ByteArrayInputStream(file), "x.xlsx",
				ImportMode.VALID_ROWS_ONLY);
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.errors()).extracting(OfficerImport.RowError::row).containsExactly(4);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(export.export(OfficerCriteria.defaults(), out, Locale.SIMPLIFIED_CHINESE)).isEqualTo(2);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(5).getStringCellValue()).isEqualTo("退休");
		}
	}

}
