package cn.shouhu.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.shouhu.TestStaff;
import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterFollowedUp;
import cn.shouhu.matters.MatterReplied;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.organization.CapturingAuditTrail;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.Role;
import cn.shouhu.statistics.internal.DailyRollups;

/**
 * The page, its JSON, the API and the export show the same figures; the charts come from a served script file
 * and the page carries no inline script or style.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CapturingAuditTrail.Config.class)
class StatisticsControllerTest {

	private static final AtomicLong MATTER_IDS = new AtomicLong(800_000_000L);

	private static final AtomicInteger UNITS = new AtomicInteger();

	private static final Instant NOON = LocalDateTime.parse("2026-05-12T12:00").atZone(ZoneId.of("Asia/Shanghai"))
		.toInstant();

	@Autowired
	MockMvc mvc;

	@Autowired
	DailyRollups rollups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	long station;

	@BeforeEach
	void countSomeMatters() {
		long branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		station = organization.createUnit(branch, "昆北派出所-w" + UNITS.incrementAndGet(), UnitType.STATION, 1);
		// Three replies, two closes (one late), follow-ups: satisfied, basically satisfied, unsatisfied.
		for (int i = 0; i < 3; i++) {
			long matter = MATTER_IDS.incrementAndGet();
			rollups.apply(new MatterReplied(matter, station, NOON, NOON, NOON));
			Satisfaction satisfaction = Satisfaction.values()[i];
			rollups.apply(new MatterFollowedUp(matter, station, satisfaction, false, NOON));
			if (satisfaction != Satisfaction.UNSATISFIED) {
				rollups.apply(new MatterClosed(matter, station, satisfaction, i == 0 ? NOON : NOON.minusSeconds(1),
						false, NOON));
			}
		}
	}

	private MvcResult perform(String url) throws Exception {
		return mvc
			.perform(get(url).param("from", "2026-05-12")
				.param("to", "2026-05-12")
				.param("unit", Long.toString(station))
				.with(authentication(TestStaff.as(Role.UNIT_LEADER, station))))
			.andExpect(status().isOk())
			.andReturn();
	}

	@Test
	void thePageTheJsonTheApiAndTheExportAgree() throws Exception {
		String page = perform("/statistics").getResponse().getContentAsString(StandardCharsets.UTF_8);
		String json = perform("/statistics/data.json").getResponse().getContentAsString(StandardCharsets.UTF_8);
		String api = perform("/api/v1/statistics").getResponse().getContentAsString(StandardCharsets.UTF_8);
		MvcResult export = perform("/statistics/export.xlsx");

		assertThat(figureOnPage(page, "replied")).isEqualTo("3");
		assertThat(figureOnPage(page, "closed")).isEqualTo("2");
		assertThat(figureOnPage(page, "onTimeRate")).isEqualTo("50.0%");
		assertThat(figureOnPage(page, "satisfactionRate")).isEqualTo("66.7%");
		assertThat(page).contains("昆北派出所-w");

		String total = json.substring(json.indexOf("\"total\""), json.indexOf("\"byDay\""));
		assertThat(total).contains("\"replied\":3", "\"closed\":2", "\"onTimeRate\":50.0",
				"\"satisfactionRate\":66.7", "\"followUps\":3");
		assertThat(api).isEqualTo(json.replaceAll("\"computedAt\":\"[^\"]*\"",
				api.replaceAll("(?s).*(\"computedAt\":\"[^\"]*\").*", "$1")));

		assertThat(export.getResponse().getContentType()).isEqualTo(StatisticsController.XLSX);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("汇总");
			List<String> headers = cells(sheet.getRow(0));
			List<String> values = cells(sheet.getRow(1));
			assertThat(values.get(headers.indexOf("答复"))).isEqualTo("3.0");
			assertThat(values.get(headers.indexOf("办结"))).isEqualTo("2.0");
			assertThat(values.get(headers.indexOf("按期办结率(%)"))).isEqualTo("50.0");
			assertThat(values.get(headers.indexOf("满意率(%)"))).isEqualTo("66.7");
			assertThat(workbook.getSheet("按单位").getRow(1).getCell(0).getStringCellValue()).startsWith("昆北派出所-w");
		}
	}

	@Test
	void thePageShowsTheWeeksHotSpots() throws Exception {
		// Four matters about e-bike theft this week (Monday 11 May), none in the four weeks before.
		jdbc.sql("INSERT INTO statistics_word_weekly (week_start, unit_id, word, matters) VALUES ('2026-05-11', :unit, '电动车', 4)")
			.param("unit", station)
			.update();
		jdbc.sql("""
				INSERT INTO statistics_daily (stat_day, unit_id, category_code, kind, channel, received)
				VALUES ('2026-05-12', :unit, 'CRIME', 'TIP_OFF', 'PORTAL', 4)""")
			.param("unit", station)
			.update();

		String page = perform("/statistics").getResponse().getContentAsString(StandardCharsets.UTF_8);

		String hotSpots = page.substring(page.indexOf("id=\"hot-spots\""), page.indexOf("id=\"table-units\""));
		assertThat(hotSpots).contains("热点（2026-05-11 至 2026-05-17）", "昆北派出所-w", "刑事案件 4 件（前四周周均 0.0）",
				"电动车 4 件（前四周周均 0.0）");
	}

	@Test
	void aWeekWithoutHotSpotsSaysSo() throws Exception {
		String page = perform("/statistics").getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("本周没有明显上升的类别或词语。");
	}

	@Test
	void anotherStationsLeaderSeesNoneOfIt() throws Exception {
		String json = mvc
			.perform(get("/statistics/data.json").param("from", "2026-05-12")
				.param("to", "2026-05-12")
				.with(authentication(TestStaff.as(Role.UNIT_LEADER, organization.createUnit(
						directory.activeUnits().get(0).id(), "其他派出所-w" + UNITS.incrementAndGet(), UnitType.STATION, 2)))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String total = json.substring(json.indexOf("\"total\""), json.indexOf("\"byDay\""));
		assertThat(total).contains("\"replied\":0", "\"closed\":0");
		assertThat(json).doesNotContain("昆北派出所");
	}

	@Test
	void aUnitOutsideTheScopeIsRefused() throws Exception {
		long other = organization.createUnit(directory.activeUnits().get(0).id(), "其他派出所-w" + UNITS.incrementAndGet(),
				UnitType.STATION, 2);
		mvc.perform(get("/statistics/data.json").param("unit", Long.toString(station))
			.with(authentication(TestStaff.as(Role.HANDLER, other)))).andExpect(status().isUnprocessableContent());
	}

	@Test
	void onlyTheSystemAdministratorRebuilds() throws Exception {
		mvc.perform(post("/statistics/rebuild").with(csrf()).with(authentication(TestStaff.as(Role.UNIT_LEADER, station))))
			.andExpect(status().isForbidden());
		assertThat(perform("/statistics/data.json").getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"replied\":3");

		mvc.perform(post("/statistics/rebuild").with(csrf()).with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, station))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/statistics"))
			.andExpect(flash().attribute("flashSuccess", "statistics.rebuilt"));
		// These counts came from hand-made events of matters that have no records: the rebuild drops them.
		assertThat(perform("/statistics/data.json").getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"replied\":0");
	}

	@Test
	void aReversedRangeIsExplainedOnThePage() throws Exception {
		String page = mvc
			.perform(get("/statistics").param("from", "2026-05-12")
				.param("to", "2026-05-01")
				.with(authentication(TestStaff.as(Role.BRANCH_LEADER, station))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("结束日期不能早于开始日期。");
	}

	@Test
	void theChartsComeFromAServedScriptAndThePageHasNoInlineScriptOrStyle() throws Exception {
		String page = perform("/statistics").getResponse().getContentAsString(StandardCharsets.UTF_8);

		Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page);
		List<String> sources = new ArrayList<>();
		while (scripts.find()) {
			assertThat(scripts.group(2)).as("inline script").isBlank();
			Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(scripts.group(1));
			assertThat(src.find()).as("script without src").isTrue();
			sources.add(src.group(1));
		}
		assertThat(sources).contains("/js/statistics.js");
		String echarts = sources.stream().filter(source -> source.matches("/webjars/echarts/[0-9.]+/dist/echarts\\.min\\.js"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("ECharts is not loaded: " + sources));
		assertThat(page).doesNotContainPattern("(?i)<style|\\sstyle=|\\son[a-z]+=");
		assertThat(page).containsPattern("data-url=\"/statistics/data.json\\?from=2026-05-12&amp;to=2026-05-12&amp;unit=");

		String script = mvc.perform(get("/js/statistics.js")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(script).contains("echarts.init", "dataset.url", "byDay", "byUnit", "byCategory");
		mvc.perform(get(echarts)).andExpect(status().isOk());
	}

	private static String figureOnPage(String page, String figure) {
		Matcher matcher = Pattern.compile("data-figure=\"" + figure + "\">([^<]*)<").matcher(page);
		assertThat(matcher.find()).as(figure + " on the page").isTrue();
		return matcher.group(1).strip();
	}

	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		row.forEach(cell -> cells.add(switch (cell.getCellType()) {
			case NUMERIC -> Double.toString(cell.getNumericCellValue());
			default -> cell.getStringCellValue();
		}));
		return cells;
	}

}
