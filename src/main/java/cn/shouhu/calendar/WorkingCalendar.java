package cn.shouhu.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Working-day arithmetic on the branch's calendar: weekends and public holidays are off, 调休 weekend days are
 * worked, and a working day has business hours (by default 08:30–12:00 and 14:30–18:00, Asia/Shanghai).
 */
public interface WorkingCalendar {

	boolean isWorkingDay(LocalDate date);

	/**
	 * The instant N working days after {@code from}: the same time of day on the Nth working day after the
	 * day of {@code from} (an instant outside business hours first moves to the next business moment).
	 */
	Instant plusWorkingDays(Instant from, int days);

	/** The instant when {@code workingTime} of business hours has passed after {@code from}. */
	Instant plusWorkingTime(Instant from, Duration workingTime);

	/** Business hours between two instants (zero if {@code to} is not after {@code from}). */
	Duration workingTimeBetween(Instant from, Instant to);

}
