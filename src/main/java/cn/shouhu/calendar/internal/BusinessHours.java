package cn.shouhu.calendar.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The business hours of every working day: one or more periods in ascending order, such as 08:30–12:00 and
 * 14:30–18:00. A period includes its opening and excludes its close, so 12:00 is already the lunch break.
 */
record BusinessHours(List<Period> periods) {

	private static final Pattern PERIOD = Pattern.compile("(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");

	/** One stretch of business hours within a day; it never crosses midnight. */
	record Period(LocalTime opens, LocalTime closes) {

		Period {
			if (!opens.isBefore(closes)) {
				throw new IllegalArgumentException(
						"A business period must open before it closes: " + opens + "-" + closes);
			}
		}

		boolean contains(LocalTime time) {
			return !time.isBefore(opens) && time.isBefore(closes);
		}

		@Override
		public String toString() {
			return opens + "-" + closes;
		}

	}

	BusinessHours {
		if (periods.isEmpty()) {
			throw new IllegalArgumentException("Business hours need at least one period");
		}
		periods = List.copyOf(periods);
		for (int i = 1; i < periods.size(); i++) {
			if (periods.get(i).opens().isBefore(periods.get(i - 1).closes())) {
				throw new IllegalArgumentException("Business periods must be in ascending order and must not overlap: "
						+ periods.get(i - 1) + ", " + periods.get(i));
			}
		}
	}

	/**
	 * Reads {@code 08:30-12:00,14:30-18:00}: periods of {@code HH:mm-HH:mm} separated by commas.
	 * @throws IllegalArgumentException with the reason, if the text is not such a list
	 */
	static BusinessHours parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Business hours are empty; expected e.g. 08:30-12:00,14:30-18:00");
		}
		List<Period> periods = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			Matcher matcher = PERIOD.matcher(part.trim());
			if (!matcher.matches()) {
				throw new IllegalArgumentException(
						"Business period '" + part.trim() + "' is not HH:mm-HH:mm (in '" + text + "')");
			}
			try {
				periods.add(new Period(time(matcher.group(1), matcher.group(2)), time(matcher.group(3), matcher.group(4))));
			}
			catch (DateTimeException e) {
				throw new IllegalArgumentException("Business period '" + part.trim() + "' is not a time of day", e);
			}
		}
		return new BusinessHours(periods);
	}

	private static LocalTime time(String hours, String minutes) {
		return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes));
	}

	/** The business time of one working day (wall-clock; a daylight-saving change is not subtracted). */
	Duration perDay() {
		return periods.stream()
			.map(period -> Duration.between(period.opens(), period.closes()))
			.reduce(Duration.ZERO, Duration::plus);
	}

	/** The index of the period that contains this time of day, or -1 outside business hours. */
	int periodAt(LocalTime time) {
		for (int i = 0; i < periods.size(); i++) {
			if (periods.get(i).contains(time)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public String toString() {
		return periods.stream().map(Period::toString).collect(Collectors.joining(","));
	}

}
