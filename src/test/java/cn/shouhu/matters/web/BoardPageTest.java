package cn.shouhu.matters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** 诉求总览: filters, text search, whitelisted sorting, the export, and who may see it. */
class BoardPageTest extends MatterWebTest {

	private String board(String query) throws Exception {
		return mvc.perform(get("/matters/board?" + query).with(authentication(TestStaff.as(coordinator()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void filtersNarrowTheQueue() throws Exception {
		String atA = "沼潭事项" + suffix;
		String waiting = "未分派事项" + suffix;
		dispatchedToA(atA);
		received(waiting);

		assertThat(board("unitId=" + stationA)).contains(atA).doesNotContain(waiting);
		assertThat(board("unitId=" + stationB)).doesNotContain(atA).doesNotContain(waiting);
		assertThat(board("state=RECEIVED&q=" + suffix)).contains(waiting).doesNotContain(atA);
		assertThat(board("q=" + atA)).contains(atA).doesNotContain(waiting);
		assertThat(board("kind=COMPLAINT&q=" + suffix)).doesNotContain(atA).doesNotContain(waiting);
		assertThat(board("overdue=true&q=" + suffix)).doesNotContain(atA);
		assertThat(board("q=" + suffix + "&sort=title;DROP TABLE matter&dir=asc")).contains(atA, waiting);
	}

	@Test
	void theExportHoldsWhatTheFiltersSelect() throws Exception {
		String atA = "沼潭事项" + suffix;
		String waiting = "未分派事项" + suffix;
		dispatchedToA(atA);
		received(waiting);
		byte[] xlsx = mvc
			.perform(get("/matters/board/export.xlsx?state=DISPATCHED&q=" + suffix)
				.with(authentication(TestStaff.as(coordinator()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> titles = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("标题");
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					titles.add(row.getCell(2).getStringCellValue());
				}
			}
		}
		assertThat(titles).containsExactly(atA);
	}

	@Test
	void unitStaffHaveNoBoard() throws Exception {
		mvc.perform(get("/matters/board").with(authentication(TestStaff.as(staff(Role.HANDLER, stationA)))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/matters/board/export.xlsx").with(authentication(TestStaff.as(staff(Role.UNIT_LEADER, stationA)))))
			.andExpect(status().isForbidden());
	}

}
