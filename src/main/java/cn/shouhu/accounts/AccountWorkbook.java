package cn.shouhu.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The account list as .xlsx, headed and worded in the user's language. */
@Component
class AccountWorkbook {

	private static final List<String> HEADERS = List.of("accounts.username", "accounts.badgeNo", "accounts.officer",
			"accounts.unit", "accounts.roles", "accounts.state");

	private final MessageSource messages;

	AccountWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	void write(List<AccountAdministration.AccountRow> rows, Locale locale, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet(text("nav.accounts", locale));
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(text(HEADERS.get(i), locale));
			}
			int r = 0;
			for (AccountAdministration.AccountRow account : rows) {
				Row row = sheet.createRow(++r);
				row.createCell(0).setCellValue(account.username());
				row.createCell(1).setCellValue(account.badgeNo());
				row.createCell(2).setCellValue(account.officerName());
				row.createCell(3).setCellValue(account.unitName());
				row.createCell(4).setCellValue(account.roles()
					.stream()
					.map(role -> text("role." + role.name(), locale))
					.collect(Collectors.joining("、")));
				row.createCell(5).setCellValue(text(!account.enabled() ? "common.inactive"
						: account.locked() ? "accounts.locked" : "common.active", locale));
			}
			workbook.write(out);
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
