package cn.shouhu.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.shared.DataScope;

/**
 * Imports officers from an .xlsx file made from the template. Every row is checked first, by the same rules and
 * the same data scope as the form, and each accepted row is registered through {@link Roster} (so each gets its
 * own audit record). Two modes: {@link ImportMode#ALL_OR_NOTHING} writes nothing if any row is wrong;
 * {@link ImportMode#VALID_ROWS_ONLY} writes the good rows and reports the others. A file that cannot be read as the
 * template (not .xlsx, empty, other headers, more than {@value OfficerSheet#MAX_ROWS} rows) changes nothing.
 */
@Service
public class OfficerImport {

	private static final int TEMPLATE_ROWS = OfficerSheet.MAX_ROWS + 1;

	private static final int HELP_LINES = 9;

	private final Roster roster;

	private final StaffScopes scopes;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final OfficerSheet sheet;

	OfficerImport(Roster roster, StaffScopes scopes, JdbcClient jdbc, AuditTrail audit, MessageSource messages) {
		this.roster = roster;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.audit = audit;
		this.sheet = new OfficerSheet(messages);
	}

	public enum ImportMode {

		/** 全部成功才导入. */
		ALL_OR_NOTHING,
		/** 仅导入有效行. */
		VALID_ROWS_ONLY

	}

	/** One problem in one cell: the spreadsheet's row number (the header is row 1) and the column's header key. */
	public record RowError(int row, String columnKey, String messageKey, Object[] args) {
	}

	/**
	 * What happened. A file-level problem ({@code fileProblemKey} set) means nothing was read; otherwise
	 * {@code imported} rows were written and {@code errors} lists every wrong cell.
	 */
	public record ImportReport(ImportMode mode, String fileProblemKey, Object[] fileProblemArgs, int rowsRead,
			int imported, List<RowError> errors) {

		static ImportReport fileProblem(ImportMode mode, String key, Object... args) {
			return new ImportReport(mode, key, args, 0, 0, List.of());
		}

		public boolean fileRejected() {
			return fileProblemKey != null;
		}

		/** The number of rows with at least one error. */
		public long rowsWithErrors() {
			return errors.stream().mapToInt(RowError::row).distinct().count();
		}

	}

	/** Writes the import template: the header row, a text-formatted 警号 column, choice lists, and a help sheet. */
	public void writeTemplate(OutputStream out, Locale locale) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet officers = workbook.createSheet(sheet.text("organization.sheet.officers", locale));
			OfficerExport.writeHeader(workbook, officers, sheet.headers(locale));
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			officers.setDefaultColumnStyle(OfficerSheet.BADGE_NO, text);
			DataValidationHelper validations = officers.getDataValidationHelper();
			addChoices(officers, validations, OfficerSheet.PARTY_MEMBER,
					new String[] { sheet.yesNo(true, locale), sheet.yesNo(false, locale) });
			addChoices(officers, validations, OfficerSheet.STATUS,
					new String[] { sheet.status(OfficerStatus.ACTIVE, locale),
							sheet.status(OfficerStatus.TRANSFERRED, locale),
							sheet.status(OfficerStatus.RETIRED, locale) });
			Sheet help = workbook.createSheet(sheet.text("organization.template.helpSheet", locale));
			help.setColumnWidth(0, 110 * 256);
			for (int i = 1; i <= HELP_LINES; i++) {
				help.createRow(i - 1)
					.createCell(0)
					.setCellValue(sheet.text("organization.template.help." + i, locale, OfficerSheet.MAX_ROWS));
			}
			workbook.write(out);
		}
	}

	private static void addChoices(Sheet target, DataValidationHelper helper, int column, String[] values) {
		CellRangeAddressList cells = new CellRangeAddressList(1, TEMPLATE_ROWS - 1, column, column);
		target.addValidationData(helper.createValidation(helper.createExplicitListConstraint(values), cells));
	}

	/**
	 * Reads, checks and (depending on the mode) writes. One transaction: an unexpected failure half-way leaves
	 * nothing behind.
	 */
	@Transactional
	public ImportReport importOfficers(InputStream file, String fileName, ImportMode mode) throws IOException {
		DataScope scope = scopes.officerWrite();
		ImportMode chosen = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
		PushbackInputStream input = new PushbackInputStream(file, 1);
		int first = input.read();
		if (first < 0) {
			return ImportReport.fileProblem(chosen, "organization.import.file.empty");
		}
		input.unread(first);
		XlsxRows.Result read = XlsxRows.read(input, OfficerSheet.COLUMN_KEYS.size(), OfficerSheet.MAX_ROWS);
		if (read.problem() != null) {
			return ImportReport.fileProblem(chosen, read.problem(), OfficerSheet.MAX_ROWS);
		}
		if (read.header() == null) {
			return ImportReport.fileProblem(chosen, "organization.import.file.empty");
		}
		if (!headersMatch(read.header().cells())) {
			return ImportReport.fileProblem(chosen, "organization.import.file.headers",
					String.join(" | ", sheet.headers(LocaleContextHolder.getLocale())));
		}
		if (read.rows().isEmpty()) {
			return ImportReport.fileProblem(chosen, "organization.import.file.noRows");
		}

		UnitIndex units = UnitIndex.load(jdbc, scope);
		List<RowError> errors = new ArrayList<>();
		List<Roster.NewOfficer> accepted = new ArrayList<>();
		Map<String, Integer> badgeRows = new HashMap<>();
		for (XlsxRows.Row row : read.rows()) {
			List<RowError> rowErrors = check(row, units, badgeRows, accepted);
			errors.addAll(rowErrors);
		}
		int imported = 0;
		if (errors.isEmpty() || chosen == ImportMode.VALID_ROWS_ONLY) {
			for (Roster.NewOfficer officer : accepted) {
				roster.create(officer, units);
				imported++;
			}
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("file", fileName);
		summary.put("mode", chosen);
		summary.put("rowsRead", read.rows().size());
		summary.put("imported", imported);
		summary.put("rowsWithErrors", errors.stream().mapToInt(RowError::row).distinct().count());
		audit.record(new AuditRecord(UnitTree.MODULE, "officer.import", "officer", null, null, summary));
		return new ImportReport(chosen, null, new Object[0], read.rows().size(), imported, List.copyOf(errors));
	}

	private boolean headersMatch(String[] header) {
		for (int column = 0; column < OfficerSheet.COLUMN_KEYS.size(); column++) {
			if (!sheet.headerMatches(column, header[column])) {
				return false;
			}
		}
		return true;
	}

	/** Checks one row; adds it to {@code accepted} if it has no error. */
	private List<RowError> check(XlsxRows.Row row, UnitIndex units, Map<String, Integer> badgeRows,
			List<Roster.NewOfficer> accepted) {
		String[] cells = row.cells();
		List<RowError> errors = new ArrayList<>();
		int number = row.number();

		Long unitId = null;
		String unitText = cells[OfficerSheet.UNIT];
		boolean unitReported = true;
		if (unitText == null) {
			errors.add(error(number, OfficerSheet.UNIT, "organization.import.row.unitMissing"));
		}
		else {
			List<UnitIndex.Node> matches = units.resolve(unitText);
			if (matches.isEmpty()) {
				errors.add(error(number, OfficerSheet.UNIT, "organization.import.row.unitUnknown", unitText));
			}
			else if (matches.size() > 1) {
				errors.add(error(number, OfficerSheet.UNIT, "organization.import.row.unitAmbiguous", unitText,
						units.label(matches.get(0).id())));
			}
			else {
				unitId = matches.get(0).id();
				unitReported = false;
			}
		}
		Optional<Boolean> partyMember = sheet.parseYesNo(cells[OfficerSheet.PARTY_MEMBER]);
		if (partyMember.isEmpty()) {
			errors.add(error(number, OfficerSheet.PARTY_MEMBER, "organization.import.row.partyMemberInvalid",
					cells[OfficerSheet.PARTY_MEMBER]));
		}
		Optional<OfficerStatus> status = sheet.parseStatus(cells[OfficerSheet.STATUS]);
		if (status.isEmpty()) {
			errors.add(error(number, OfficerSheet.STATUS, "organization.import.row.statusInvalid",
					cells[OfficerSheet.STATUS]));
		}

		Roster.NewOfficer officer = new Roster.NewOfficer(cells[OfficerSheet.BADGE_NO], cells[OfficerSheet.NAME],
				unitId, cells[OfficerSheet.POSITION], partyMember.orElse(false), status.orElse(OfficerStatus.ACTIVE));
		for (Violation violation : roster.check(officer, units)) {
			int column = column(violation.field());
			if (column == OfficerSheet.UNIT && unitReported) {
				continue;
			}
			errors.add(new RowError(number, OfficerSheet.COLUMN_KEYS.get(column), violation.messageKey(),
					violation.args()));
		}
		if (officer.badgeNo() != null && OfficerRules.BADGE_NO.matcher(officer.badgeNo()).matches()) {
			Integer earlier = badgeRows.putIfAbsent(officer.badgeNo(), number);
			if (earlier != null) {
				errors.add(error(number, OfficerSheet.BADGE_NO, "organization.import.row.duplicateInFile",
						officer.badgeNo(), earlier));
			}
		}
		if (errors.isEmpty()) {
			accepted.add(officer);
		}
		errors.sort(Comparator.comparingInt(e -> OfficerSheet.COLUMN_KEYS.indexOf(e.columnKey())));
		return errors;
	}

	private static int column(String field) {
		return switch (field) {
			case "badgeNo" -> OfficerSheet.BADGE_NO;
			case "name" -> OfficerSheet.NAME;
			case "unitId" -> OfficerSheet.UNIT;
			case "position" -> OfficerSheet.POSITION;
			case "partyMember" -> OfficerSheet.PARTY_MEMBER;
			default -> OfficerSheet.STATUS;
		};
	}

	private static RowError error(int row, int column, String key, Object... args) {
		return new RowError(row, OfficerSheet.COLUMN_KEYS.get(column), key, args);
	}

	/** The row cap, for the upload page. */
	public static int maxRows() {
		return OfficerSheet.MAX_ROWS;
	}

}
