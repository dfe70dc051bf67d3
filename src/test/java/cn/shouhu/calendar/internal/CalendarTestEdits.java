package cn.shouhu.calendar.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.calendar.WorkingCalendar;

/**
 * Tests that edit the calendar touch only November and December 2026 (no holidays there) and years after 2026;
 * this undoes those edits and re-reads the calendar, so the next test starts from the migration's data.
 */
public final class CalendarTestEdits {

	private CalendarTestEdits() {
	}

	public static void undo(JdbcClient jdbc, WorkingCalendar calendar) {
		jdbc.sql("DELETE FROM calendar_day WHERE cal_date >= :first").param("first", LocalDate.of(2026, 11, 1)).update();
		jdbc.sql("DELETE FROM calendar_year WHERE cal_year > 2026").update();
		((DatabaseWorkingCalendar) calendar).reload();
	}

}
