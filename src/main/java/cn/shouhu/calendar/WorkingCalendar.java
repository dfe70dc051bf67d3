package cn.shouhu.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Working-day arithmetic on the branch's calendar: weekends and public holidays are off, 调休 weekend days are
 * worked, and a working day has business hours (by default 08:30–12:00 and 14:30–18:00, Asia/Shanghai).
 * <p>
 * A year whose State Council notice has not been entered follows the plain rule (Monday to Friday are worked);
 * {@link #isMaintained(int)} tells whether a year's notice is in, so that a page can warn. Every method costs at
 * most one step per calendar day spanned.
 */
public interface WorkingCalendar {

	boolean isWorkingDay(LocalDate date);

	/** Whether the holidays and 调休 working days of this year have been entered. */
	boolean isMaintained(int year);

	/**
	 * The instant N working days after {@code from}: the same time of day on the Nth working day after the
	 * day of {@code from} (an instant outside business hours first moves to the next business moment).
	 * <p>
	 * Since every working day has the same business hours, that time of day is always inside them. When it is
	 * the opening of a period (which it is whenever {@code from} was outside business hours), the deadline is
	 * given as the close of the business period before it instead: the same point in business time, but
	 * "Monday 18:00" rather than "Tuesday 08:30", and "12:00" rather than "14:30". So a matter received on
	 * Friday at 19:00 with one working day is due on Monday at 18:00, and one received at 12:30 is due at 12:00
	 * the next working day. With {@code days == 0} the result is the next business moment itself.
	 *
	 * @throws IllegalArgumentException if {@code days} is negative
	 */
	Instant plusWorkingDays(Instant from, int days);

	/**
	 * The instant when {@code workingTime} of business hours has passed after {@code from}: the earliest instant
	 * {@code t} with {@code workingTimeBetween(from, t)} equal to {@code workingTime}. It ends at a period's
	 * close rather than at the next opening (11:00 plus one hour is 12:00, not 14:30); zero gives {@code from}.
	 *
	 * @throws IllegalArgumentException if {@code workingTime} is negative
	 */
	Instant plusWorkingTime(Instant from, Duration workingTime);

	/** Business hours between two instants (zero if {@code to} is not after {@code from}). */
	Duration workingTimeBetween(Instant from, Instant to);

}
