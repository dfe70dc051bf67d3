package cn.shouhu.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One exception to the Monday-to-Friday rule: a holiday ({@code offDay}) or a worked weekend day (调休上班).
 *
 * @param name the holiday it belongs to (春节, 国庆节 …)
 */
public record CalendarDay(LocalDate date, boolean offDay, String name) {

	public boolean weekend() {
		return isWeekend(date);
	}

	static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("date", date.toString());
		view.put("offDay", offDay);
		view.put("name", name);
		return view;
	}

}
