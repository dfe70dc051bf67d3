package cn.shouhu.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

import cn.shouhu.matters.PublicStatus;
import cn.shouhu.open311.Open311Exception.Problem;

/**
 * The filters of GeoReport {@code GET requests}. As the spec says: {@code service_request_id} (comma-separated)
 * overrides every other filter; {@code start_date} and {@code end_date} may span at most 90 days, and without them
 * the last 90 days are searched; at most 1000 requests come back.
 *
 * @param ids the requested ids, or empty
 * @param serviceCodes the categories, or empty for all
 * @param status open or closed, or null for both
 */
record RequestFilter(List<Long> ids, List<String> serviceCodes, Instant from, Instant to, PublicStatus status) {

	static final Duration MAX_SPAN = Duration.ofDays(90);

	static final int MAX_RESULTS = 1000;

	/**
	 * The years a date filter may name, as written. At most 9999: the spec's date-times (W3C, like RFC 3339) have
	 * four-digit years, and later ones reached PostgreSQL, whose timestamps end in 294276 AD, as a 500. At least 1900:
	 * no matter is older, the far past failed the same way (before 4713 BC), and before 1582 {@code java.sql.Timestamp}
	 * would shift the window by the Julian calendar.
	 */
	static final int EARLIEST_YEAR = 1900;

	static final int LATEST_YEAR = 9999;

	static RequestFilter parse(MultiValueMap<String, String> params, Instant now) {
		List<Problem> problems = new ArrayList<>();
		String idList = first(params, "service_request_id");
		if (idList != null) {
			List<Long> ids = new ArrayList<>();
			for (String id : idList.split(",")) {
				try {
					ids.add(Long.parseLong(id.strip()));
				}
				catch (NumberFormatException e) {
					throw Open311Exception.badRequest("open311.error.requestId", MAX_RESULTS);
				}
			}
			// "," splits into no ids at all; an empty list would otherwise read as "no id filter" without any window.
			if (ids.isEmpty() || ids.size() > MAX_RESULTS || ids.stream().anyMatch(id -> id <= 0)) {
				throw Open311Exception.badRequest("open311.error.requestId", MAX_RESULTS);
			}
			return new RequestFilter(List.copyOf(new LinkedHashSet<>(ids)), List.of(), null, null, null);
		}
		Instant start = date(params, "start_date", problems);
		Instant end = date(params, "end_date", problems);
		PublicStatus status = status(first(params, "status"), problems);
		String codes = first(params, "service_code");
		List<String> serviceCodes = codes == null ? List.of()
				: Arrays.stream(codes.split(",")).map(String::strip).filter(code -> !code.isEmpty()).distinct().toList();
		if (!problems.isEmpty()) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, problems);
		}
		Instant from;
		Instant to;
		if (start == null && end == null) {
			to = now;
			from = now.minus(MAX_SPAN);
		}
		else if (start == null) {
			to = end;
			from = end.minus(MAX_SPAN);
		}
		else if (end == null) {
			from = start;
			to = start.plus(MAX_SPAN);
		}
		else {
			from = start;
			to = end;
		}
		if (from.isAfter(to) || Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
			throw Open311Exception.badRequest("open311.error.dateRange");
		}
		// end_date is inclusive in the spec; the reader's upper bound is exclusive.
		return new RequestFilter(List.of(), serviceCodes, from, to.plusNanos(1000), status);
	}

	private static Instant date(MultiValueMap<String, String> params, String name, List<Problem> problems) {
		String value = first(params, name);
		if (value == null) {
			return null;
		}
		OffsetDateTime date;
		try {
			date = OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException e) {
			problems.add(new Problem("open311.error.date", name));
			return null;
		}
		// The year as written, so that 9999-12-31T23:00-08:00 is still accepted although it is year 10000 in UTC.
		if (date.getYear() < EARLIEST_YEAR || date.getYear() > LATEST_YEAR) {
			problems.add(new Problem("open311.error.dateYear", name, EARLIEST_YEAR, LATEST_YEAR));
			return null;
		}
		return date.toInstant();
	}

	/** {@code open}, {@code closed}, or both comma-separated (which is no filter). */
	private static PublicStatus status(String value, List<Problem> problems) {
		if (value == null) {
			return null;
		}
		Set<PublicStatus> wanted = new LinkedHashSet<>();
		for (String each : value.split(",")) {
			switch (each.strip().toLowerCase(Locale.ROOT)) {
				case "open" -> wanted.add(PublicStatus.OPEN);
				case "closed" -> wanted.add(PublicStatus.CLOSED);
				default -> {
					problems.add(new Problem("open311.error.status"));
					return null;
				}
			}
		}
		return wanted.size() == 1 ? wanted.iterator().next() : null;
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

}
