package cn.shouhu.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The arithmetic on the real 2026 calendar, in memory; business hours 08:30–12:00 and 14:30–18:00. */
class SnapshotCalendarTest {

	private final SnapshotCalendar calendar = Holidays2026.calendar();

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(Holidays2026.SHANGHAI).toInstant();
	}

	private static Duration hours(double hours) {
		return Duration.ofMinutes(Math.round(hours * 60));
	}

	@Nested
	class WorkingDays {

		@ParameterizedTest
		@ValueSource(strings = { "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
				"2026-10-08", "2026-10-09", "2026-03-02" })
		void theseAreWorked(String date) {
			assertThat(calendar.isWorkingDay(LocalDate.parse(date))).isTrue();
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
				"2026-10-07", "2026-02-16", "2026-02-23", "2026-01-01", "2026-10-11", "2026-03-07", "2026-03-08" })
		void theseAreOff(String date) {
			assertThat(calendar.isWorkingDay(LocalDate.parse(date))).isFalse();
		}

		@Test
		void aYearWithoutItsNoticeFollowsMondayToFriday() {
			// 2027-01-01 (a Friday) is listed as a holiday, but 2027 is not maintained: the entry is ignored.
			SnapshotCalendar withStray = new SnapshotCalendar(Map.of(LocalDate.of(2027, 1, 1), true,
					LocalDate.of(2026, 10, 1), true), Set.of(2026), Holidays2026.HOURS, Holidays2026.SHANGHAI);

			assertThat(withStray.isMaintained(2026)).isTrue();
			assertThat(withStray.isMaintained(2027)).isFalse();
			assertThat(withStray.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
			assertThat(withStray.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
			assertThat(withStray.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
			assertThat(withStray.plusWorkingDays(at("2026-12-31T10:00"), 1)).isEqualTo(at("2027-01-01T10:00"));
		}

	}

	@Nested
	class PlusWorkingDays {

		@ParameterizedTest(name = "{0} + {1} working days = {2}")
		@CsvSource({
				// 国庆节 2026: 10-01..10-07 off, Saturday 10-10 worked.
				"2026-09-30T10:00, 1, 2026-10-08T10:00",
				"2026-09-30T10:00, 2, 2026-10-09T10:00",
				"2026-09-30T10:00, 3, 2026-10-10T10:00",
				"2026-09-30T10:00, 4, 2026-10-12T10:00",
				"2026-09-29T16:00, 5, 2026-10-12T16:00",
				// 春节 2026: Saturday 02-14 worked, 02-15..02-23 off, Saturday 02-28 worked.
				"2026-02-13T09:00, 1, 2026-02-14T09:00",
				"2026-02-13T09:00, 2, 2026-02-24T09:00",
				"2026-02-13T09:00, 5, 2026-02-27T09:00",
				"2026-02-13T09:00, 6, 2026-02-28T09:00",
				"2026-02-13T09:00, 7, 2026-03-02T09:00",
				// Received during 春节: counting starts on the first working day after it.
				"2026-02-18T10:00, 1, 2026-02-24T18:00",
				// An ordinary week: five working days later is the same time next week.
				"2026-03-02T15:45, 5, 2026-03-09T15:45" })
		void sameTimeOfDayOnTheNthWorkingDay(String from, int days, String expected) {
			assertThat(calendar.plusWorkingDays(at(from), days)).isEqualTo(at(expected));
		}

		@ParameterizedTest(name = "{0} + {1} working days = {2}")
		@CsvSource({
				// Friday evening: the next business moment is Monday 08:30, shown as the close of the day before.
				"2026-03-06T19:00, 1, 2026-03-09T18:00",
				"2026-03-06T19:00, 2, 2026-03-10T18:00",
				// Before opening: today counts as the first working day.
				"2026-03-02T07:00, 1, 2026-03-02T18:00",
				"2026-03-02T08:30, 1, 2026-03-02T18:00",
				// Lunch break: the afternoon and the next morning make the working day.
				"2026-03-02T12:30, 1, 2026-03-03T12:00",
				"2026-03-02T12:00, 1, 2026-03-03T12:00",
				// A Saturday: Monday is the first working day.
				"2026-03-07T10:00, 1, 2026-03-09T18:00",
				// The evening before 国庆节: 10-08 is the first working day.
				"2026-09-30T19:00, 1, 2026-10-08T18:00",
				"2026-09-30T19:00, 3, 2026-10-10T18:00" })
		void fromOutsideBusinessHoursEndsAtAClose(String from, int days, String expected) {
			assertThat(calendar.plusWorkingDays(at(from), days)).isEqualTo(at(expected));
		}

		@Test
		void zeroDaysIsTheNextBusinessMoment() {
			assertThat(calendar.plusWorkingDays(at("2026-03-07T10:00"), 0)).isEqualTo(at("2026-03-09T08:30"));
			assertThat(calendar.plusWorkingDays(at("2026-03-09T10:00"), 0)).isEqualTo(at("2026-03-09T10:00"));
			assertThat(calendar.plusWorkingDays(at("2026-09-30T12:10"), 0)).isEqualTo(at("2026-09-30T14:30"));
		}

		@Test
		void alwaysNFullWorkingDaysOfBusinessTime() {
			Duration day = Holidays2026.HOURS.perDay();
			for (Instant from = at("2026-09-25T00:00"); from.isBefore(at("2026-10-13T00:00")); from = from
				.plus(Duration.ofMinutes(45))) {
				for (int days = 1; days <= 4; days++) {
					Instant due = calendar.plusWorkingDays(from, days);
					assertThat(calendar.workingTimeBetween(from, due)).as("%s + %d", from, days)
						.isLessThanOrEqualTo(day.multipliedBy(days));
					assertThat(calendar.workingTimeBetween(calendar.plusWorkingDays(from, 0), due)).as("%s + %d", from, days)
						.isEqualTo(day.multipliedBy(days));
				}
			}
		}

		@Test
		void negativeDaysAreRefused() {
			assertThatIllegalArgumentException().isThrownBy(() -> calendar.plusWorkingDays(at("2026-03-02T10:00"), -1));
		}

	}

	@Nested
	class PlusWorkingTime {

		@ParameterizedTest(name = "{0} + {1} h = {2}")
		@CsvSource({
				"2026-03-02T09:00, 2, 2026-03-02T11:00",
				// Ending exactly at a close stays there rather than jumping to the next opening.
				"2026-03-02T11:00, 1, 2026-03-02T12:00",
				// Across the lunch break.
				"2026-03-02T11:00, 2, 2026-03-02T15:30",
				"2026-03-02T12:15, 1, 2026-03-02T15:30",
				// Across the evening.
				"2026-03-02T17:00, 2, 2026-03-03T09:30",
				"2026-03-02T20:00, 0.5, 2026-03-03T09:00",
				// Across the weekend.
				"2026-03-06T17:30, 1, 2026-03-09T09:00",
				"2026-03-08T10:00, 7, 2026-03-09T18:00",
				// Across 国庆节: from the last afternoon before it to the first morning after it.
				"2026-09-30T17:00, 3, 2026-10-08T10:30",
				// Friday 10-09, then the worked Saturday 10-10.
				"2026-10-09T17:00, 2, 2026-10-10T09:30",
				// Two full working days from a Monday morning.
				"2026-03-02T08:30, 14, 2026-03-03T18:00" })
		void walksBusinessHours(String from, double plusHours, String expected) {
			assertThat(calendar.plusWorkingTime(at(from), hours(plusHours))).isEqualTo(at(expected));
		}

		@Test
		void zeroIsTheStartItself() {
			assertThat(calendar.plusWorkingTime(at("2026-03-07T10:00"), Duration.ZERO)).isEqualTo(at("2026-03-07T10:00"));
		}

		@Test
		void isTheInverseOfWorkingTimeBetween() {
			for (Instant from = at("2026-09-24T06:00"); from.isBefore(at("2026-10-12T00:00")); from = from
				.plus(Duration.ofMinutes(50))) {
				for (long minutes : new long[] { 1, 45, 210, 420, 1000, 3000 }) {
					Duration amount = Duration.ofMinutes(minutes);
					Instant end = calendar.plusWorkingTime(from, amount);
					assertThat(calendar.workingTimeBetween(from, end)).as("%s + %s", from, amount).isEqualTo(amount);
					assertThat(calendar.workingTimeBetween(from, end.minusSeconds(1))).as("earliest: %s + %s", from, amount)
						.isLessThan(amount);
				}
			}
		}

		@Test
		void negativeTimeIsRefused() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> calendar.plusWorkingTime(at("2026-03-02T10:00"), Duration.ofMinutes(-1)));
		}

	}

	@Nested
	class WorkingTimeBetween {

		@ParameterizedTest(name = "{0} → {1} = {2} h")
		@CsvSource({
				"2026-03-02T09:00, 2026-03-02T11:00, 2",
				"2026-03-02T11:00, 2026-03-02T15:00, 1.5",
				"2026-03-02T12:10, 2026-03-02T14:00, 0",
				"2026-03-06T17:00, 2026-03-09T09:00, 1.5",
				"2026-03-07T10:00, 2026-03-08T20:00, 0",
				"2026-09-30T17:00, 2026-10-08T09:30, 2",
				// Monday to Monday in an ordinary week: five days of seven hours.
				"2026-03-02T00:00, 2026-03-09T00:00, 35",
				// Two weeks around 国庆节: 09-28..09-30 and 10-08..10-10 are the only working days.
				"2026-09-28T00:00, 2026-10-12T00:00, 42",
				// The week of 春节 2026 has no working day at all.
				"2026-02-15T00:00, 2026-02-24T00:00, 0" })
		void countsOnlyBusinessHoursOnWorkingDays(String from, String to, double expectedHours) {
			assertThat(calendar.workingTimeBetween(at(from), at(to))).isEqualTo(hours(expectedHours));
		}

		@Test
		void isZeroWhenToIsNotAfterFrom() {
			Instant instant = at("2026-03-02T10:00");
			assertThat(calendar.workingTimeBetween(instant, instant)).isZero();
			assertThat(calendar.workingTimeBetween(at("2026-03-03T10:00"), instant)).isZero();
		}

		@Test
		void addsUpOverAnySplitPoint() {
			Instant from = at("2026-09-29T10:17");
			Instant to = at("2026-10-13T16:41");
			Duration whole = calendar.workingTimeBetween(from, to);
			for (Instant split = from; split.isBefore(to); split = split.plus(Duration.ofMinutes(37))) {
				assertThat(calendar.workingTimeBetween(from, split).plus(calendar.workingTimeBetween(split, to)))
					.as("split at %s", split)
					.isEqualTo(whole);
			}
		}

		@Test
		void walksDaysNotMinutes() {
			Instant from = at("2000-01-01T00:00");
			Instant to = at("2060-01-01T00:00");
			Duration total = assertTimeoutPreemptively(Duration.ofSeconds(2),
					() -> calendar.workingTimeBetween(from, to));
			assertThat(total).isGreaterThan(Duration.ofHours(7 * 250 * 59));
			assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2),
					() -> calendar.plusWorkingTime(from, total))).isBeforeOrEqualTo(to);
		}

	}

}
