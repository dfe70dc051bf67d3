package cn.shouhu.matters;

import java.time.Duration;
import java.time.Instant;

import cn.shouhu.calendar.WorkingCalendar;

/**
 * The time limits (办理时限) for one kind × category × urgency, as a row of {@code time_limit_policy} gives them.
 *
 * @param sign 签收 within, from dispatch
 * @param reply 答复 within, from dispatch (or from reopening)
 * @param close 办结 within, from dispatch (or from reopening)
 * @param extensionDays the most working days that extensions may add in all
 * @param returnDays a unit may return the matter within this many working days of its dispatch
 * @param reopenDays an unsatisfied follow-up within this many working days of the reply reopens the matter
 */
public record TimeLimits(Limit sign, Limit reply, Limit close, int extensionDays, int returnDays, int reopenDays) {

	/** How a limit is counted on the working-day calendar. */
	public enum Unit {

		/** Minutes of business hours (工作时间). */
		WORKING_MINUTES,
		/** Working days (工作日): the same time of day on the Nth working day. */
		WORKING_DAYS

	}

	/** One limit: an amount of working minutes or working days. */
	public record Limit(int amount, Unit unit) {

		public Limit {
			if (amount < 0 || unit == null) {
				throw new IllegalArgumentException("A time limit needs a unit and a non-negative amount");
			}
		}

		public static Limit workingMinutes(int minutes) {
			return new Limit(minutes, Unit.WORKING_MINUTES);
		}

		public static Limit workingDays(int days) {
			return new Limit(days, Unit.WORKING_DAYS);
		}

		Instant after(Instant from, WorkingCalendar calendar) {
			return switch (unit) {
				case WORKING_MINUTES -> calendar.plusWorkingTime(from, Duration.ofMinutes(amount));
				case WORKING_DAYS -> calendar.plusWorkingDays(from, amount);
			};
		}

	}

}
