package cn.shouhu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;

import cn.shouhu.organization.OrganizationSpringTest;
import static cn.shouhu.organization.Spreadsheets.xlsx;
import cn.shouhu.organization.StaffLogin;
import cn.shouhu.organization.internal.OfficerImport.ImportMode;
import cn.shouhu.organization.internal.OfficerImport.ImportReport;
import cn.shouhu.organization.internal.OfficerImport.RowError;
import cn.shouhu.shared.Role;

class OfficerImportTest extends OrganizationSpringTest {

	static final String[] HEADER = { "警号", "姓名", "单位", "职务", "党员(是/否)", "状态(在职/调离/退休)" };

	@Autowired
	OfficerImport officerImport;

	/** Two good rows, and one of each kind of bad row. */
	private byte[] mixedFile() throws IOException {
		return xlsx(HEADER,
				new String[] { "100231", "张伟", "沼潭派出所/社区警务队", "社区民警", "是", "在职" },
				new String[] { "12345", "李娜", "沼潭派出所", null, "否", null },
				new String[] { "100232", null, "沼潭派出所", null, null, null },
				new String[] { "100231", "王强", "沼潭派出所", null, null, null },
				new String[] { "900001", "赵敏", "沼潭派出所", null, null, null },
				new String[] { "100233", "孙丽", "不存在派出所", null, null, null },
				new String[] { "100234", "周杰", "社区警务队", null, null, null },
				new String[] { "100235", "吴昊", "民族东路派出所", null, null, null },
				new String[] { "100236", "郑爽", "沼潭派出所", null, "也许", "休假" },
				new String[] {},
				new String[] { "100237", "钱坤", "沼潭派出所", "所长", "否", "退休" });
	}

	private ImportReport importAs(byte[] file, ImportMode mode) throws IOException {
		return officerImport.importOfficers(new ByteArrayInputStream(file), "officers.xlsx", mode);
	}

	private List<String> badges() {
		return jdbc.sql("SELECT badge_no FROM officer ORDER BY badge_no").query(String.class).list();
	}

	private void assertMixedErrors(ImportReport report) {
		assertThat(report.fileRejected()).isFalse();
		assertThat(report.rowsRead()).isEqualTo(10);
		assertThat(report.errors()).extracting(RowError::row, RowError::columnKey, RowError::messageKey)
			.containsExactly(
					tuple(3, "organization.sheet.badgeNo",
							"organization.officer.badgeNo.invalid"),
					tuple(4, "organization.sheet.name",
							"organization.officer.name.required"),
					tuple(5, "organization.sheet.badgeNo",
							"organization.import.row.duplicateInFile"),
					tuple(6, "organization.sheet.badgeNo",
							"organization.officer.badgeNo.duplicate"),
					tuple(7, "organization.sheet.unit",
							"organization.import.row.unitUnknown"),
					tuple(8, "organization.sheet.unit",
							"organization.import.row.unitAmbiguous"),
					tuple(9, "organization.sheet.unit",
							"organization.officer.unit.outOfScope"),
					tuple(10, "organization.sheet.partyMember",
							"organization.import.row.partyMemberInvalid"),
					tuple(10, "organization.sheet.status",
							"organization.import.row.statusInvalid"));
		assertThat(report.errors()).filteredOn(e -> e.row() == 5)
			.singleElement()
			.satisfies(e -> assertThat(e.args()).containsExactly("100231", 2));
		assertThat(report.rowsWithErrors()).isEqualTo(8);
	}

	@Test
	void allOrNothingImportsNothingWhenAnyRowIsWrongAndReportsEveryError() throws IOException {
		Branch b = branch();
		setup.createOfficer("900001", "老民警", b.root(), null, false);
		audit.clear();
		StaffLogin.signIn(b.zhaotan(), Role.UNIT_LEADER);

		ImportReport report = importAs(mixedFile(), ImportMode.ALL_OR_NOTHING);

		assertMixedErrors(report);
		assertThat(report.imported()).isZero();
		assertThat(badges()).containsExactly("900001");
		assertThat(audit.actions()).containsExactly("officer.import");
	}

	@Test
	void validRowsOnlyImportsTheGoodRowsThroughTheRosterAndReportsTheRest() throws IOException {
		Branch b = branch();
		setup.createOfficer("900001", "老民警", b.root(), null, false);
		audit.clear();
		StaffLogin.signIn(b.zhaotan(), Role.UNIT_LEADER);

		ImportReport report = importAs(mixedFile(), ImportMode.VALID_ROWS_ONLY);

		assertMixedErrors(report);
		assertThat(report.imported()).isEqualTo(2);
		assertThat(badges()).containsExactly("100231", "100237", "900001");
		assertThat(jdbc.sql("SELECT name, unit_id, position, party_member, status FROM officer WHERE badge_no = '100237'")
			.query()
			.singleRow()).containsEntry("name", "钱坤")
			.containsEntry("unit_id", b.zhaotan())
			.containsEntry("position", "所长")
			.containsEntry("party_member", false)
			.containsEntry("status", "RETIRED");
		assertThat(jdbc.sql("SELECT unit_id FROM officer WHERE badge_no = '100231'").query(Long.class).single())
			.isEqualTo(b.zhaotanTeam());
		assertThat(audit.actions()).containsExactly("officer.create", "officer.create", "officer.import");
	}

	@Test
	void aCleanFileIsImportedWholeInAllOrNothingMode() throws IOException {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		byte[] file = xlsx(new String[] { "Badge number", "Name", "Unit", "Position", "Party member", "Status" },
				new String[] { "100231", "张伟", "昆都仑区分局/民族东路派出所/社区警务队", null, "Yes", "Active" },
				new String[] { "100232", "巴特尔·额尔敦", "沼潭派出所", null, "是", "调离" });

		ImportReport report = importAs(file, ImportMode.ALL_OR_NOTHING);

		assertThat(report.errors()).isEmpty();
		assertThat(report.imported()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT unit_id FROM officer WHERE badge_no = '100231'").query(Long.class).single())
			.isEqualTo(b.minzuTeam());
		assertThat(jdbc.sql("SELECT status FROM officer WHERE badge_no = '100232'").query(String.class).single())
			.isEqualTo("TRANSFERRED");
	}

	@Test
	void malformedFilesAreRefusedWholeAndChangeNothing() throws IOException {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);

		assertThat(importAs(new byte[0], ImportMode.VALID_ROWS_ONLY).fileProblemKey())
			.isEqualTo("organization.import.file.empty");
		assertThat(importAs("警号,姓名\n100231,张伟\n".getBytes(StandardCharsets.UTF_8), ImportMode.VALID_ROWS_ONLY)
			.fileProblemKey()).isEqualTo("organization.import.file.notXlsx");
		assertThat(importAs(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3 },
				ImportMode.VALID_ROWS_ONLY)
			.fileProblemKey()).isEqualTo("organization.import.file.notXlsx");
		assertThat(importAs(xlsx(), ImportMode.VALID_ROWS_ONLY).fileProblemKey())
			.isEqualTo("organization.import.file.empty");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			assertThat(importAs(xlsx(new String[] { "姓名", "警号", "单位", "职务", "党员", "状态" },
					new String[] { "张伟", "100231", "沼潭派出所", null, null, null }), ImportMode.VALID_ROWS_ONLY))
				.satisfies(report -> {
					assertThat(report.fileProblemKey()).isEqualTo("organization.import.file.headers");
					assertThat(report.fileProblemArgs()[0].toString())
						.isEqualTo("警号 | 姓名 | 单位 | 职务 | 党员(是/否) | 状态(在职/调离/退休)");
				});
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(importAs(xlsx(HEADER), ImportMode.VALID_ROWS_ONLY).fileProblemKey())
			.isEqualTo("organization.import.file.noRows");

		String[][] tooMany = new String[OfficerSheet.MAX_ROWS + 2][];
		tooMany[0] = HEADER;
		for (int i = 1; i < tooMany.length; i++) {
			tooMany[i] = new String[] { String.valueOf(100000 + i), "张伟", "沼潭派出所", null, null, null };
		}
		assertThat(importAs(xlsx(tooMany), ImportMode.VALID_ROWS_ONLY).fileProblemKey())
			.isEqualTo("organization.import.file.tooManyRows");

		assertThat(count("officer")).isZero();
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void theTemplateHasTheHeaderTheImportExpectsAndImportsAsEmpty() throws IOException {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		officerImport.writeTemplate(out, Locale.SIMPLIFIED_CHINESE);

		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Row header = workbook.getSheetAt(0).getRow(0);
			for (int i = 0; i < HEADER.length; i++) {
				assertThat(header.getCell(i).getStringCellValue()).isEqualTo(HEADER[i]);
			}
			assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
			assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).contains("6 位数字");
		}
		assertThat(importAs(out.toByteArray(), ImportMode.ALL_OR_NOTHING).fileProblemKey())
			.isEqualTo("organization.import.file.noRows");
	}

	@Test
	void onlyStaffWhoMayChangeOfficersImport() throws IOException {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.BRANCH_LEADER);
		byte[] file = xlsx(HEADER, new String[] { "100231", "张伟", "沼潭派出所", null, null, null });
		assertThatThrownBy(() -> importAs(file, ImportMode.VALID_ROWS_ONLY)).isInstanceOf(AccessDeniedException.class);
		assertThat(count("officer")).isZero();
	}

}
