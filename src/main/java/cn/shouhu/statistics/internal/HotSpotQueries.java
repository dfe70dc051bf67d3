package cn.shouhu.statistics.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the weekly counts hot spots compare: matters received per lead unit and category from the daily roll-ups,
 * and matters per lead unit and word from {@code statistics_word_weekly}. Undispatched matters have no unit yet and
 * are left out.
 */
@Component
public class HotSpotQueries {

	private final JdbcClient jdbc;

	HotSpotQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A count for one unit, one key (category code or word) and one week (its Monday). */
	public record WeeklyCount(long unitId, String key, LocalDate weekStart, long matters) {
	}

	/** Matters received per unit, category and week, for the weeks starting in [{@code fromWeek}, {@code toWeek}]. */
	public List<WeeklyCount> categories(LocalDate fromWeek, LocalDate toWeek) {
		return jdbc.sql("""
				SELECT unit_id, category_code, stat_day, SUM(received) AS received FROM statistics_daily
				WHERE stat_day >= :from AND stat_day <= :to AND unit_id <> :noUnit
				GROUP BY unit_id, category_code, stat_day HAVING SUM(received) > 0""")
			.param("from", fromWeek)
			.param("to", toWeek.plusDays(6))
			.param("noUnit", DailyRollups.NO_UNIT)
			.query((rs, row) -> new WeeklyCount(rs.getLong("unit_id"), rs.getString("category_code"),
					WordRollups.weekOf(rs.getObject("stat_day", LocalDate.class)), rs.getLong("received")))
			.list();
	}

	/** Matters per unit and word in the week starting {@code week}. */
	public List<WeeklyCount> words(LocalDate week) {
		return jdbc.sql("SELECT unit_id, word, matters FROM statistics_word_weekly WHERE week_start = :week")
			.param("week", week)
			.query((rs, row) -> new WeeklyCount(rs.getLong("unit_id"), rs.getString("word"), week,
					rs.getLong("matters")))
			.list();
	}

	/** Matters per unit, word and week for these words, in the weeks starting in [{@code fromWeek}, {@code toWeek}]. */
	public List<WeeklyCount> words(Collection<String> words, LocalDate fromWeek, LocalDate toWeek) {
		if (words.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT unit_id, word, week_start, matters FROM statistics_word_weekly
				WHERE week_start >= :from AND week_start <= :to AND word IN (:words)""")
			.param("from", fromWeek)
			.param("to", toWeek)
			.param("words", words)
			.query((rs, row) -> new WeeklyCount(rs.getLong("unit_id"), rs.getString("word"),
					rs.getObject("week_start", LocalDate.class), rs.getLong("matters")))
			.list();
	}

}
