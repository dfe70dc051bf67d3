package cn.shouhu.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx file as text, row by row, with POI's streaming (SAX) reader: a file with a
 * million rows is stopped at the cap instead of being loaded whole. Cells are read as Excel shows them.
 */
final class XlsxRows {

	/** One non-blank row: its number as Excel shows it (the first row is 1) and its cells, blanks as null. */
	record Row(int number, String[] cells) {
	}

	/** The header row, the data rows, or the message key of what made the file unreadable. */
	record Result(Row header, List<Row> rows, String problem) {
	}

	private XlsxRows() {
	}

	static Result read(InputStream in, int columns, int maxRows) throws IOException {
		Collector collector = new Collector(columns, maxRows);
		try (OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return new Result(null, List.of(), "organization.import.file.empty");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, collector,
						new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (TooManyRows e) {
			return new Result(null, List.of(), "organization.import.file.tooManyRows");
		}
		catch (IOException e) {
			throw e;
		}
		catch (Exception e) {
			// Not a zip, an .xls or .csv renamed, a zip that is not a workbook, a broken sheet: all the same to the user.
			return new Result(null, List.of(), "organization.import.file.notXlsx");
		}
		return new Result(collector.header, collector.rows, null);
	}

	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super(null, null, false, false);
		}

	}

	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int columns;

		private final int maxRows;

		private final List<Row> rows = new ArrayList<>();

		private Row header;

		private String[] current;

		private int currentNumber;

		private int nextColumn;

		Collector(int columns, int maxRows) {
			this.columns = columns;
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowNum) {
			current = new String[columns];
			currentNumber = rowNum + 1;
			nextColumn = 0;
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = reference == null ? nextColumn : new CellReference(reference).getCol();
			nextColumn = column + 1;
			if (column < columns && formattedValue != null) {
				String value = formattedValue.strip();
				current[column] = value.isEmpty() ? null : value;
			}
		}

		@Override
		public void endRow(int rowNum) {
			boolean blank = true;
			for (String cell : current) {
				blank &= cell == null;
			}
			// The header is the first row of the sheet, whatever it holds; blank rows below it are skipped.
			if (header == null && currentNumber == 1) {
				header = new Row(currentNumber, current);
				return;
			}
			if (blank) {
				return;
			}
			if (header == null) {
				header = new Row(1, new String[columns]);
			}
			if (rows.size() >= maxRows) {
				throw new TooManyRows();
			}
			rows.add(new Row(currentNumber, current));
		}

	}

}
