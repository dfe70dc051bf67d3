package cn.shouhu.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.shouhu.audit.internal.AuditEvent;

/**
 * The .xlsx export, written with POI's streaming workbook: only a window of rows is in memory, the rest goes to
 * a temporary file that {@link #close()} deletes. Every cell is a string or a number, never a formula.
 */
final class AuditWorkbook implements AutoCloseable {

	/** Excel's limit for the text of one cell. */
	private static final int MAX_CELL_TEXT = 32_767;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final SXSSFSheet sheet;

	private final ZoneId zone;

	private int next;

	AuditWorkbook(String sheetName, List<String> headers, ZoneId zone) {
		this.zone = zone;
		this.sheet = workbook.createSheet(sheetName);
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle headerStyle = workbook.createCellStyle();
		headerStyle.setFont(bold);
		Row header = sheet.createRow(next++);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(headerStyle);
		}
		sheet.createFreezePane(0, 1);
	}

	void add(AuditEvent event, String outcomeLabel) {
		Row row = sheet.createRow(next++);
		int c = 0;
		row.createCell(c++).setCellValue(event.id());
		text(row, c++, AuditRow.TIME.format(event.occurredAt().atZone(zone)));
		text(row, c++, event.actor());
		if (event.actorUnitId() != null) {
			row.createCell(c).setCellValue(event.actorUnitId());
		}
		c++;
		text(row, c++, event.ip());
		text(row, c++, event.module());
		text(row, c++, event.action());
		text(row, c++, outcomeLabel);
		text(row, c++, event.targetType());
		text(row, c++, event.targetId());
		text(row, c++, event.detail());
		text(row, c++, event.prevHash());
		text(row, c, event.hash());
	}

	int rows() {
		return next - 1;
	}

	void write(OutputStream out) throws IOException {
		workbook.write(out);
	}

	@Override
	public void close() throws IOException {
		workbook.close();
	}

	private static void text(Row row, int column, String value) {
		if (value == null) {
			return;
		}
		row.createCell(column).setCellValue(value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT) : value);
	}

}
