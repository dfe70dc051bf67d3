package cn.shouhu.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.shouhu.shared.InvalidInputException;

/**
 * Which figures to compute: days {@code from} to {@code to} inclusive, optionally one unit's subtree and one
 * category.
 */
public record StatisticsFilter(LocalDate from, LocalDate to, Long unitId, String categoryCode) {

	/** Two years of days: a trend longer than that is a report, not a page. */
	public static final int MAX_DAYS = 731;

	public StatisticsFilter {
		if (from == null || to == null) {
			throw InvalidInputException.onField("from", "statistics.range.required");
		}
		if (to.isBefore(from)) {
			throw InvalidInputException.onField("to", "statistics.range.reversed");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw InvalidInputException.onField("to", "statistics.range.tooLong", MAX_DAYS);
		}
		categoryCode = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip();
	}

	/** The last 30 days up to {@code today}. */
	public static StatisticsFilter last30Days(LocalDate today) {
		return new StatisticsFilter(today.minusDays(29), today, null, null);
	}

}
