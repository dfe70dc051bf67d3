package cn.shouhu.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.shouhu.TestStaff;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.calendar.internal.CalendarTestEdits;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.Role;

/**
 * The calendar pages as the system administrator uses them. Only dates from November 2026 (no holidays) and
 * years after 2026 are changed, and they are removed after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarControllerTest {

	private static final Authentication ADMIN = TestStaff.as(Role.SYSTEM_ADMIN, 1L);

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	OrganizationDirectory organization;

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void restore() {
		CalendarTestEdits.undo(jdbc, calendar);
	}

	@Test
	void theOverviewListsAYearsHolidaysAndWorkedWeekendDays() throws Exception {
		mvc.perform(get("/calendar").param("year", "2026").with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026 年节假日安排")))
			.andExpect(content().string(containsString("国庆节")))
			.andExpect(content().string(containsString("2026-10-01 至 2026-10-07，共 7 天")))
			.andExpect(content().string(containsString("2026-10-10 星期六")))
			.andExpect(content().string(containsString("2026-02-15 至 2026-02-23，共 9 天")))
			.andExpect(content().string(containsString("2026-02-14 星期六")))
			.andExpect(content().string(containsString("添加 2027 年")))
			.andExpect(content().string(not(containsString("未维护"))));
	}

	@Test
	void aYearWithoutItsNoticeIsFlagged() throws Exception {
		mvc.perform(get("/calendar").param("year", "2031").with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2031 年的节假日安排尚未录入")));
		mvc.perform(get("/calendar/2031").with(authentication(ADMIN))).andExpect(status().isNotFound());
	}

	@Test
	void speaksEnglishOnRequest() throws Exception {
		mvc.perform(get("/calendar").param("year", "2026").param("lang", "en").with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Holidays of 2026")));
	}

	@Test
	void onlyTheSystemAdministratorGetsIn() throws Exception {
		Authentication coordinator = TestStaff.as(Role.COORDINATOR, 1L);
		mvc.perform(get("/calendar").with(authentication(coordinator))).andExpect(status().isForbidden());
		mvc.perform(get("/calendar/2026").with(authentication(TestStaff.as(Role.SECURITY_ADMIN, 1L))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/calendar/2026/days").param("date", "2026-12-31")
			.param("offDay", "true")
			.param("name", "元旦")
			.with(csrf())
			.with(authentication(coordinator))).andExpect(status().isForbidden());
		mvc.perform(get("/calendar")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
	}

	@Test
	void theEditPageOpensADaysEntry() throws Exception {
		mvc.perform(get("/calendar/2026").param("date", "2026-10-10").with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"2026-10-10\"")))
			.andExpect(content().string(containsString("value=\"国庆节\"")))
			.andExpect(content().string(matchesPattern("(?s).*value=\"false\" id=\"offDay\\d\" name=\"offDay\" checked=\"checked\".*")));
	}

	@Test
	void savingADayRedirectsAndCounts() throws Exception {
		mvc.perform(post("/calendar/2026/days").param("date", "2026-12-31")
			.param("offDay", "true")
			.param("name", "元旦")
			.with(csrf())
			.with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/calendar/2026"))
			.andExpect(flash().attribute("flashSuccess", "calendar.day.saved"));

		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
		mvc.perform(get("/calendar/2026").with(authentication(ADMIN)))
			.andExpect(content().string(containsString("2026-12-31")));

		mvc.perform(post("/calendar/2026/days/2026-12-31/delete").with(csrf()).with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/calendar/2026"))
			.andExpect(flash().attribute("flashSuccess", "calendar.day.removed"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
	}

	@Test
	void aBadEntryIsShownBesideItsField() throws Exception {
		mvc.perform(post("/calendar/2026/days").param("date", "2026-12-31")
			.param("offDay", "false")
			.param("name", "元旦")
			.with(csrf())
			.with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-12-31 是周一至周五，本来就是工作日，无需登记为调休上班。")));
		mvc.perform(post("/calendar/2026/days").param("date", "2026-13-45")
			.param("offDay", "true")
			.param("name", "元旦")
			.with(csrf())
			.with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日期格式不正确")));
		mvc.perform(post("/calendar/2026/days").param("date", "2027-01-01")
			.param("offDay", "true")
			.param("name", "")
			.with(csrf())
			.with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日期必须在 2026 年内。")));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_day WHERE cal_date >= DATE '2026-11-01'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/calendar/2026/days").param("date", "2026-12-31")
			.param("offDay", "true")
			.param("name", "元旦")
			.with(authentication(ADMIN))).andExpect(status().isForbidden());
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
	}

	@Test
	void theNextYearIsAddedAndOpened() throws Exception {
		mvc.perform(post("/calendar/years").param("source", "国办发明电〔2026〕X号").with(csrf()).with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/calendar/2027"));

		assertThat(calendar.isMaintained(2027)).isTrue();
		mvc.perform(get("/calendar/2027").with(authentication(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2027 年节假日安排")));
	}

}
