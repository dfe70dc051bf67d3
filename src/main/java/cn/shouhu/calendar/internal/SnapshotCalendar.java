package cn.shouhu.calendar.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.calendar.internal.BusinessHours.Period;

/**
 * The calendar as it stood when it was read: an immutable set of exception days, the maintained years, the
 * business hours and the zone. All arithmetic walks calendar days, never minutes, and looks each day up in a
 * hash map, so it is safe to run for every deadline.
 */
final class SnapshotCalendar implements WorkingCalendar {

	/** How far any walk may go: a century of days. Further means a wrong input, not a deadline. */
	private static final int MAX_DAYS = 366 * 100;

	/** The exceptions to the Monday-to-Friday rule: {@code true} for a holiday, {@code false} for a worked day. */
	private final Map<LocalDate, Boolean> offDays;

	private final Set<Integer> maintainedYears;

	private final BusinessHours hours;

	private final ZoneId zone;

	/**
	 * @param offDays the exception days; those of a year not in {@code maintainedYears} are ignored, so such a
	 * year follows the Monday-to-Friday rule as a whole
	 */
	SnapshotCalendar(Map<LocalDate, Boolean> offDays, Set<Integer> maintainedYears, BusinessHours hours,
			ZoneId zone) {
		this.maintainedYears = Set.copyOf(maintainedYears);
		this.offDays = offDays.entrySet()
			.stream()
			.filter(day -> this.maintainedYears.contains(day.getKey().getYear()))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
		this.hours = hours;
		this.zone = zone;
	}

	BusinessHours hours() {
		return hours;
	}

	ZoneId zone() {
		return zone;
	}

	Set<Integer> maintainedYears() {
		return maintainedYears;
	}

	@Override
	public boolean isWorkingDay(LocalDate date) {
		Boolean off = offDays.get(date);
		if (off != null) {
			return !off;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	@Override
	public boolean isMaintained(int year) {
		return maintainedYears.contains(year);
	}

	@Override
	public Instant plusWorkingDays(Instant from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("Working days must not be negative: " + days);
		}
		Instant start = nextBusinessMoment(from);
		if (days == 0) {
			return start;
		}
		ZonedDateTime local = start.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate target = local.toLocalDate();
		int counted = 0;
		int walked = 0;
		while (counted < days) {
			target = target.plusDays(1);
			if (isWorkingDay(target)) {
				counted++;
			}
			requireNear(++walked);
		}
		List<Period> periods = hours.periods();
		int period = hours.periodAt(time);
		if (period > 0 && time.equals(periods.get(period).opens())) {
			return at(target, periods.get(period - 1).closes());
		}
		if (period == 0 && time.equals(periods.get(0).opens())) {
			return at(previousWorkingDay(target), periods.get(periods.size() - 1).closes());
		}
		return at(target, time);
	}

	@Override
	public Instant plusWorkingTime(Instant from, Duration workingTime) {
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
		}
		if (workingTime.isZero()) {
			return from;
		}
		Duration remaining = workingTime;
		LocalDate date = LocalDate.ofInstant(from, zone);
		for (int walked = 0;; walked++) {
			requireNear(walked);
			if (isWorkingDay(date)) {
				for (Period period : hours.periods()) {
					Instant closes = at(date, period.closes());
					if (!from.isBefore(closes)) {
						continue;
					}
					Instant opens = latest(at(date, period.opens()), from);
					Duration available = Duration.between(opens, closes);
					if (remaining.compareTo(available) <= 0) {
						return opens.plus(remaining);
					}
					remaining = remaining.minus(available);
				}
			}
			date = date.plusDays(1);
		}
	}

	@Override
	public Duration workingTimeBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = LocalDate.ofInstant(to, zone);
		for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (Period period : hours.periods()) {
				Instant opens = latest(at(date, period.opens()), from);
				Instant closes = earliest(at(date, period.closes()), to);
				if (opens.isBefore(closes)) {
					total = total.plus(Duration.between(opens, closes));
				}
			}
		}
		return total;
	}

	/** {@code from} itself if it is inside business hours on a working day, else the next opening. */
	Instant nextBusinessMoment(Instant from) {
		LocalDate date = LocalDate.ofInstant(from, zone);
		for (int walked = 0;; walked++) {
			requireNear(walked);
			if (isWorkingDay(date)) {
				for (Period period : hours.periods()) {
					if (from.isBefore(at(date, period.closes()))) {
						return latest(at(date, period.opens()), from);
					}
				}
			}
			date = date.plusDays(1);
		}
	}

	private LocalDate previousWorkingDay(LocalDate date) {
		LocalDate day = date.minusDays(1);
		for (int walked = 0; !isWorkingDay(day); walked++) {
			requireNear(walked);
			day = day.minusDays(1);
		}
		return day;
	}

	private Instant at(LocalDate date, LocalTime time) {
		return date.atTime(time).atZone(zone).toInstant();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static void requireNear(int walked) {
		if (walked > MAX_DAYS) {
			throw new IllegalArgumentException("The result lies more than " + MAX_DAYS + " days away");
		}
	}

}
