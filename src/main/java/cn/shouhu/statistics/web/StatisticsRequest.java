package cn.shouhu.statistics.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

import cn.shouhu.statistics.StatisticsFilter;

/** The filter form and the query string of the JSON, export and API endpoints; empty dates mean the last 30 days. */
record StatisticsRequest(@DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to,
		Long unit, String category) {

	StatisticsFilter toFilter(LocalDate today) {
		if (from == null && to == null) {
			StatisticsFilter last30 = StatisticsFilter.last30Days(today);
			return new StatisticsFilter(last30.from(), last30.to(), unit, category);
		}
		LocalDate end = to != null ? to : today;
		LocalDate start = from != null ? from : end.minusDays(29);
		return new StatisticsFilter(start, end, unit, category);
	}

}
