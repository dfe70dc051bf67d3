package cn.shouhu.calendar.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 2026 days exactly as holiday-cn's 2026.json lists them (国务院办公厅, 2025-11): 33 days off and 6 worked
 * weekend days. The migration must hold the same.
 */
final class Holidays2026 {

	static final List<String> DAYS = List.of(
			"2026-01-01 off 元旦", "2026-01-02 off 元旦", "2026-01-03 off 元旦", "2026-01-04 worked 元旦",
			"2026-02-14 worked 春节", "2026-02-15 off 春节", "2026-02-16 off 春节", "2026-02-17 off 春节",
			"2026-02-18 off 春节", "2026-02-19 off 春节", "2026-02-20 off 春节", "2026-02-21 off 春节",
			"2026-02-22 off 春节", "2026-02-23 off 春节", "2026-02-28 worked 春节",
			"2026-04-04 off 清明节", "2026-04-05 off 清明节", "2026-04-06 off 清明节",
			"2026-05-01 off 劳动节", "2026-05-02 off 劳动节", "2026-05-03 off 劳动节", "2026-05-04 off 劳动节",
			"2026-05-05 off 劳动节", "2026-05-09 worked 劳动节",
			"2026-06-19 off 端午节", "2026-06-20 off 端午节", "2026-06-21 off 端午节",
			"2026-09-20 worked 国庆节",
			"2026-09-25 off 中秋节", "2026-09-26 off 中秋节", "2026-09-27 off 中秋节",
			"2026-10-01 off 国庆节", "2026-10-02 off 国庆节", "2026-10-03 off 国庆节", "2026-10-04 off 国庆节",
			"2026-10-05 off 国庆节", "2026-10-06 off 国庆节", "2026-10-07 off 国庆节", "2026-10-10 worked 国庆节");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final BusinessHours HOURS = BusinessHours.parse("08:30-12:00,14:30-18:00");

	private Holidays2026() {
	}

	static List<CalendarDay> days() {
		return DAYS.stream().map(line -> line.split(" ")).map(
				parts -> new CalendarDay(LocalDate.parse(parts[0]), parts[1].equals("off"), parts[2])).toList();
	}

	static Map<LocalDate, Boolean> offDays() {
		Map<LocalDate, Boolean> offDays = new LinkedHashMap<>();
		days().forEach(day -> offDays.put(day.date(), day.offDay()));
		return offDays;
	}

	/** The 2026 calendar in memory, with 2026 as the only maintained year. */
	static SnapshotCalendar calendar() {
		return new SnapshotCalendar(offDays(), Set.of(2026), HOURS, SHANGHAI);
	}

}
