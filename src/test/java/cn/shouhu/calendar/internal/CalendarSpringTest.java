package cn.shouhu.calendar.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.shouhu.TestStaff;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.Role;

/**
 * Base of the calendar's Spring tests: the migrated database, a system administrator signed in, the audit trail
 * and organisation mocked, and every test's calendar edits undone afterwards.
 */
@SpringBootTest
abstract class CalendarSpringTest {

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	OrganizationDirectory organization;

	@Autowired
	CalendarAdministration administration;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void signIn() {
		SecurityContextHolder.getContext().setAuthentication(TestStaff.as(Role.SYSTEM_ADMIN, 1L));
	}

	@AfterEach
	void restore() {
		SecurityContextHolder.clearContext();
		CalendarTestEdits.undo(jdbc, calendar);
	}

}
