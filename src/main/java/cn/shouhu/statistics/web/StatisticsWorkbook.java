package cn.shouhu.statistics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

import cn.shouhu.statistics.Figures;
import cn.shouhu.statistics.StatisticsReport;

/**
 * The report as an .xlsx workbook (streamed with SXSSF): a sheet for the total and one per grouping, with the
 * same figures as the page and the JSON. Empty cells stand for figures with nothing to divide by.
 */
final class StatisticsWorkbook {

	/** Column headings (message keys) and the figure each column shows. */
	static final List<Column> COLUMNS = List.of(new Column("statistics.group", Figures::label),
			new Column("statistics.received", Figures::received), new Column("statistics.dispatched", Figures::dispatched),
			new Column("statistics.replied", Figures::replied), new Column("statistics.closed", Figures::closed),
			new Column("statistics.onTimeRate", Figures::onTimeRate),
			new Column("statistics.avgSignMinutes", Figures::avgSignMinutes),
			new Column("statistics.avgReplyMinutes", Figures::avgReplyMinutes),
			new Column("statistics.avgCloseMinutes", Figures::avgCloseMinutes),
			new Column("statistics.followUps", Figures::followUps),
			new Column("statistics.satisfactionRate", Figures::satisfactionRate),
			new Column("statistics.reopened", Figures::reopened), new Column("statistics.reopenRate", Figures::reopenRate),
			new Column("statistics.overdueNow", Figures::overdueNow));

	record Column(String key, Function<Figures, Object> value) {
	}

	private StatisticsWorkbook() {
	}

	static void write(StatisticsReport report, MessageSource messages, Locale locale, OutputStream out)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			sheet(workbook, messages.getMessage("statistics.sheet.total", null, locale), List.of(report.total()),
					messages, locale);
			sheet(workbook, messages.getMessage("statistics.sheet.unit", null, locale), report.byUnit(), messages,
					locale);
			sheet(workbook, messages.getMessage("statistics.sheet.category", null, locale), report.byCategory(),
					messages, locale);
			sheet(workbook, messages.getMessage("statistics.sheet.kind", null, locale), report.byKind(), messages,
					locale);
			sheet(workbook, messages.getMessage("statistics.sheet.channel", null, locale), report.byChannel(),
					messages, locale);
			sheet(workbook, messages.getMessage("statistics.sheet.day", null, locale), report.byDay(), messages,
					locale);
			workbook.write(out);
			workbook.dispose();
		}
	}

	private static void sheet(SXSSFWorkbook workbook, String name, List<Figures> rows, MessageSource messages,
			Locale locale) {
		Sheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		for (int c = 0; c < COLUMNS.size(); c++) {
			header.createCell(c).setCellValue(messages.getMessage(COLUMNS.get(c).key(), null, locale));
		}
		int r = 1;
		for (Figures figures : rows) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < COLUMNS.size(); c++) {
				Object value = COLUMNS.get(c).value().apply(figures);
				Cell cell = row.createCell(c);
				if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (value != null) {
					cell.setCellValue(value.toString());
				}
			}
		}
	}

}
