package cn.shouhu.organization.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.shared.DataScope;

/**
 * Exports the officer list, with the page's filters and the staff member's scope, as .xlsx. Rows are read with a
 * fetch size and written through a streaming workbook that keeps only a window of rows in memory, so the size of
 * the roster does not matter.
 */
@Service
public class OfficerExport {

	private static final int FETCH_SIZE = 500;

	private static final int ROWS_IN_MEMORY = 200;

	private static final int[] COLUMN_WIDTHS = { 12, 14, 36, 20, 12, 12 };

	private final NamedParameterJdbcTemplate streaming;

	private final JdbcClient jdbc;

	private final OfficerSearch search;

	private final StaffScopes scopes;

	private final AuditTrail audit;

	private final OfficerSheet sheet;

	OfficerExport(DataSource dataSource, JdbcClient jdbc, OfficerSearch search, StaffScopes scopes, AuditTrail audit,
			MessageSource messages) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.streaming = new NamedParameterJdbcTemplate(template);
		this.jdbc = jdbc;
		this.search = search;
		this.scopes = scopes;
		this.audit = audit;
		this.sheet = new OfficerSheet(messages);
	}

	/**
	 * Writes the workbook to {@code out}. The transaction keeps one connection for the whole read, which
	 * PostgreSQL needs to honour the fetch size.
	 *
	 * @return the number of officers written
	 */
	@Transactional
	public int export(OfficerCriteria criteria, OutputStream out, Locale locale) throws IOException {
		DataScope scope = scopes.officerRead();
		OfficerQuery query = search.query(criteria, scope);
		UnitIndex units = UnitIndex.load(jdbc);
		int[] written = { 0 };
		// Closing the streaming workbook also deletes its temporary files.
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			workbook.setCompressTempFiles(true);
			Sheet officers = workbook.createSheet(sheet.text("organization.sheet.officers", locale));
			writeHeader(workbook, officers, sheet.headers(locale));
			streaming.query(query.select(), query.params(), (RowCallbackHandler) rs -> {
				Roster.OfficerView officer = OfficerSearch.row(rs, units);
				Row row = officers.createRow(++written[0]);
				row.createCell(OfficerSheet.BADGE_NO).setCellValue(officer.badgeNo());
				row.createCell(OfficerSheet.NAME).setCellValue(officer.name());
				row.createCell(OfficerSheet.UNIT).setCellValue(officer.unitLabel());
				row.createCell(OfficerSheet.POSITION).setCellValue(officer.position() == null ? "" : officer.position());
				row.createCell(OfficerSheet.PARTY_MEMBER).setCellValue(sheet.yesNo(officer.partyMember(), locale));
				row.createCell(OfficerSheet.STATUS).setCellValue(sheet.status(officer.status(), locale));
			});
			workbook.write(out);
		}
		Map<String, Object> what = new LinkedHashMap<>();
		what.put("q", criteria.q());
		what.put("unitId", criteria.unitId());
		what.put("status", criteria.status());
		what.put("partyMember", criteria.partyMember());
		what.put("rows", written[0]);
		audit.record(new AuditRecord(UnitTree.MODULE, "officer.export", "officer", null, null, what));
		return written[0];
	}

	static void writeHeader(org.apache.poi.ss.usermodel.Workbook workbook, Sheet target, List<String> headers) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(bold);
		Row header = target.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			header.createCell(i).setCellValue(headers.get(i));
			header.getCell(i).setCellStyle(style);
			target.setColumnWidth(i, COLUMN_WIDTHS[i] * 256);
		}
		target.createFreezePane(0, 1);
	}

}
