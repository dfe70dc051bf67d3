package cn.shouhu.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** The security administrator's account list: search, whitelisted sorting, paging and export. */
@SpringBootTest(properties = "shouhu.demo.enabled=true")
@AutoConfigureMockMvc
class AccountsPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void listsSortsAndSearchesAccounts() throws Exception {
		String byName = page("/accounts");
		assertThat(byName.indexOf(">auditor<")).isLessThan(byName.indexOf(">sysadmin<"));
		String found = page("/accounts?q=lead");
		assertThat(found).contains(">leader<", ">leader2<", ">branchlead<").doesNotContain(">clerk<");
		// A LIKE wildcard typed into the search is a character, not a wildcard.
		assertThat(page("/accounts?q=%25")).doesNotContain(">clerk<");
		// A sort that is not on the whitelist falls back to the default order instead of reaching SQL.
		assertThat(page("/accounts?sort=id;DROP TABLE account")).contains(">auditor<");
		assertThat(page("/accounts?q=150101")).contains(">clerk<").doesNotContain(">auditor<");
	}

	@Test
	void exportsTheSearchAsAWorkbook() throws Exception {
		// The workbook streams: MockMvc sees an async request and dispatches it again to get the body.
		MvcResult started = mvc.perform(get("/accounts/export.xlsx").param("q", "lead").with(secadmin())).andReturn();
		byte[] xlsx = mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("用户名");
			List<String> usernames = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					usernames.add(row.getCell(0).getStringCellValue());
				}
			}
			assertThat(usernames).containsExactly("branchlead", "leader", "leader2");
			assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("单位负责人");
		}
	}

	@Test
	void nobodyElseExportsAccounts() throws Exception {
		mvc.perform(get("/accounts/export.xlsx").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1))))
			.andExpect(status().isForbidden());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(secadmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor secadmin() {
		return authentication(TestStaff.as(Role.SECURITY_ADMIN, 1));
	}

}
