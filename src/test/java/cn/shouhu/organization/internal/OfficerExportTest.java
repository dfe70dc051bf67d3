package cn.shouhu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OrganizationSpringTest;
import cn.shouhu.organization.StaffLogin;
import cn.shouhu.organization.internal.OfficerImport.ImportMode;
import cn.shouhu.shared.Role;

class OfficerExportTest extends OrganizationSpringTest {

	@Autowired
	OfficerExport export;

	@Autowired
	OfficerImport officerImport;

	@Autowired
	Roster roster;

	private List<List<String>> export(OfficerCriteria criteria) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.export(criteria, out, Locale.SIMPLIFIED_CHINESE);
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < 6; c++) {
					cells.add(formatter.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	@Test
	void theExportHasTheTemplatesColumnsAndOnlyTheOfficersTheListWouldShow() throws IOException {
		Branch b = branch();
		setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		long li = setup.createOfficer("100232", "李娜", b.zhaotan(), "所长", false);
		setup.createOfficer("200001", "王强", b.minzuTeam(), null, true);
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		roster.leave(li, 0, OfficerStatus.RETIRED);
		audit.clear();

		StaffLogin.signIn(b.zhaotan(), Role.UNIT_LEADER);
		assertThat(export(OfficerCriteria.defaults())).containsExactly(
				List.of("警号", "姓名", "单位", "职务", "党员(是/否)", "状态(在职/调离/退休)"),
				List.of("100231", "张伟", "沼潭派出所/社区警务队", "社区民警", "是", "在职"),
				List.of("100232", "李娜", "沼潭派出所", "所长", "否", "退休"));
		assertThat(export(new OfficerCriteria(null, null, OfficerStatus.ACTIVE, null, "name", "desc", 1, 20)))
			.extracting(row -> row.get(0))
			.containsExactly("警号", "100231");

		StaffLogin.signIn(b.root(), Role.BRANCH_LEADER);
		assertThat(export(new OfficerCriteria(null, null, null, true, "badge", "desc", 1, 20)))
			.extracting(row -> row.get(0))
			.containsExactly("警号", "200001", "100231");
		assertThat(audit.actions()).containsExactly("officer.export", "officer.export", "officer.export");
	}

	@Test
	void anExportedFileImportsBackIntoAnEmptyRoster() throws IOException {
		Branch b = branch();
		setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		setup.createOfficer("200001", "王强", b.minzuTeam(), null, false);
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.export(OfficerCriteria.defaults(), out, Locale.SIMPLIFIED_CHINESE);
		jdbc.sql("DELETE FROM officer").update();

		OfficerImport.ImportReport report = officerImport.importOfficers(new ByteArrayInputStream(out.toByteArray()),
				"export.xlsx", ImportMode.ALL_OR_NOTHING);

		assertThat(report.errors()).isEmpty();
		assertThat(report.imported()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT unit_id FROM officer WHERE badge_no = '200001'").query(Long.class).single())
			.isEqualTo(b.minzuTeam());
	}

	@Test
	void staffWithoutTheRosterCannotExport() {
		Branch b = branch();
		StaffLogin.signIn(b.zhaotan(), Role.HANDLER);
		assertThatThrownBy(() -> export(OfficerCriteria.defaults())).isInstanceOf(AccessDeniedException.class);
	}

}
