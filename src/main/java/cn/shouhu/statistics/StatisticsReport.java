package cn.shouhu.statistics;

import java.time.Instant;
import java.util.List;

/**
 * The figures of a filter: the total and the same figures by day (every day of the range, in order), by unit,
 * by category, by kind and by channel (each sorted by received, then closed, descending).
 */
public record StatisticsReport(StatisticsFilter filter, Instant computedAt, Figures total, List<Figures> byDay,
		List<Figures> byUnit, List<Figures> byCategory, List<Figures> byKind, List<Figures> byChannel) {
}
