package cn.shouhu.calendar.internal;

import java.time.LocalDateTime;

/**
 * A year whose State Council notice has been entered, with how many holidays and worked weekend days it holds.
 *
 * @param source the notice the days come from, or null
 * @param updatedAt when the year or one of its days last changed, in the calendar's zone
 */
public record CalendarYear(int year, String source, int offDays, int workedDays, LocalDateTime updatedAt) {

	/** A year that was added but whose days have not been entered yet. */
	public boolean empty() {
		return offDays == 0 && workedDays == 0;
	}

}
