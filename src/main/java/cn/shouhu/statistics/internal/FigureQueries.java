package cn.shouhu.statistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.shared.DataScope;
import cn.shouhu.statistics.Figures.Counters;
import cn.shouhu.statistics.StatisticsFilter;

/**
 * The statistics queries. The roll-ups are read by day range (their cost follows the days × units × categories ×
 * kinds × channels that had events, not the number of matters); "overdue now" is the one live query on the
 * matter table, by state and deadline. A report reads the range twice (by day, and by all four groupings at once)
 * and the matters once: three queries, where one per grouping made nine (see docs/benchmarks.md). Scope, unit and category are bound parameters; the grouping column comes
 * from {@link Dimension}, a fixed list, never from input.
 */
@Component
@Transactional(readOnly = true)
public class FigureQueries {

	/** What the figures are grouped by, with the roll-up column behind it. */
	public enum Dimension {

		DAY("CAST(r.stat_day AS VARCHAR(10))"), UNIT("CAST(r.unit_id AS VARCHAR(20))"), CATEGORY("r.category_code"),
		KIND("r.kind"), CHANNEL("r.channel");

		/** The groupings that {@link #countersByGroup} and {@link #overdueNowByGroup} answer in one query. */
		public static final List<Dimension> GROUPS = List.of(UNIT, CATEGORY, KIND, CHANNEL);

		private final String rollupColumn;

		Dimension(String rollupColumn) {
			this.rollupColumn = rollupColumn;
		}

	}

	private static final String SUMS = """
			SUM(r.received) AS received, SUM(r.dispatched) AS dispatched, SUM(r.replied) AS replied,
			SUM(r.closed) AS closed, SUM(r.closed_on_time) AS closed_on_time, SUM(r.reopened) AS reopened,
			SUM(r.follow_ups_satisfied) AS satisfied, SUM(r.follow_ups_basically) AS basically,
			SUM(r.follow_ups_unsatisfied) AS unsatisfied,
			SUM(r.sign_minutes) AS sign_minutes, SUM(r.sign_count) AS sign_count,
			SUM(r.reply_minutes) AS reply_minutes, SUM(r.reply_count) AS reply_count,
			SUM(r.close_minutes) AS close_minutes, SUM(r.close_count) AS close_count""";

	private static final String ROLLUPS_IN_RANGE = """
			FROM statistics_daily r LEFT JOIN unit u ON u.id = r.unit_id
			WHERE r.stat_day >= :from AND r.stat_day <= :to
			    AND (:scopeAll OR u.path LIKE :scopePath)
			    AND (:anyUnit OR u.path LIKE :unitPath)
			    AND (:anyCategory OR r.category_code = :category)""";

	private final JdbcClient jdbc;

	public FigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Summed counters per group, in the order of the keys. */
	public Map<String, Counters> counters(Dimension by, StatisticsFilter filter, DataScope scope,
			DataScope unitFilter) {
		String sql = "SELECT %s AS group_key, %s %s GROUP BY %s ORDER BY group_key".formatted(by.rollupColumn, SUMS,
				ROLLUPS_IN_RANGE, by.rollupColumn);
		Map<String, Counters> result = new LinkedHashMap<>();
		jdbc.sql(sql)
			.param("from", filter.from())
			.param("to", filter.to())
			.params(filterParams(filter, scope, unitFilter))
			.query(rs -> {
				result.put(rs.getString("group_key"), counters(rs));
			});
		return result;
	}

	/**
	 * Summed counters per unit, per category, per kind and per channel, from one read of the range: the roll-ups
	 * grouped by all four at once (at most units × categories × kinds × channels rows) and added up here, rather
	 * than four reads of the same rows.
	 */
	public Map<Dimension, Map<String, Counters>> countersByGroup(StatisticsFilter filter, DataScope scope,
			DataScope unitFilter) {
		String sql = """
				SELECT r.unit_id, r.category_code, r.kind, r.channel, %s %s
				GROUP BY r.unit_id, r.category_code, r.kind, r.channel""".formatted(SUMS, ROLLUPS_IN_RANGE);
		Map<Dimension, Map<String, Counters>> result = emptyGroups();
		jdbc.sql(sql)
			.param("from", filter.from())
			.param("to", filter.to())
			.params(filterParams(filter, scope, unitFilter))
			.query(rs -> {
				Counters counters = counters(rs);
				groupKeys(rs).forEach((by, key) -> result.get(by).merge(key, counters, Counters::plus));
			});
		return result;
	}

	/**
	 * Open matters past a deadline now, per unit, category, kind and channel, from one query: waiting to be signed
	 * past the sign deadline, not yet replied past the reply deadline, or not closed past the close deadline.
	 * Paused matters (waiting for the submitter) and matters with the coordinators (received, returned) have no
	 * running deadline. A matter without a lead unit counts under unit 0, one without a category under '-'.
	 */
	public Map<Dimension, Map<String, Long>> overdueNowByGroup(Instant now, StatisticsFilter filter, DataScope scope,
			DataScope unitFilter) {
		String sql = """
				SELECT COALESCE(m.lead_unit_id, 0) AS unit_id, COALESCE(m.category_code, '-') AS category_code,
				    m.kind, m.channel, COUNT(*) AS overdue
				FROM matter m LEFT JOIN unit u ON u.id = m.lead_unit_id
				WHERE m.state IN ('DISPATCHED', 'SIGNED', 'IN_PROGRESS', 'REPLY_PENDING_APPROVAL', 'REOPENED', 'REPLIED')
				    AND ((m.state = 'DISPATCHED' AND m.sign_due < :now)
				        OR (m.state <> 'REPLIED' AND m.reply_due < :now)
				        OR m.close_due < :now)
				    AND (:scopeAll OR u.path LIKE :scopePath)
				    AND (:anyUnit OR u.path LIKE :unitPath)
				    AND (:anyCategory OR m.category_code = :category)
				GROUP BY COALESCE(m.lead_unit_id, 0), COALESCE(m.category_code, '-'), m.kind, m.channel""";
		Map<Dimension, Map<String, Long>> result = new EnumMap<>(Dimension.class);
		Dimension.GROUPS.forEach(by -> result.put(by, new TreeMap<>()));
		jdbc.sql(sql)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.params(filterParams(filter, scope, unitFilter))
			.query(rs -> {
				long overdue = rs.getLong("overdue");
				groupKeys(rs).forEach((by, key) -> result.get(by).merge(key, overdue, Long::sum));
			});
		return result;
	}

	private static Map<Dimension, Map<String, Counters>> emptyGroups() {
		Map<Dimension, Map<String, Counters>> groups = new EnumMap<>(Dimension.class);
		Dimension.GROUPS.forEach(by -> groups.put(by, new TreeMap<>()));
		return groups;
	}

	/** The row's key under each grouping, as the one-dimension queries spell them. */
	private static Map<Dimension, String> groupKeys(ResultSet rs) throws SQLException {
		Map<Dimension, String> keys = new EnumMap<>(Dimension.class);
		keys.put(Dimension.UNIT, Long.toString(rs.getLong("unit_id")));
		keys.put(Dimension.CATEGORY, rs.getString("category_code"));
		keys.put(Dimension.KIND, rs.getString("kind"));
		keys.put(Dimension.CHANNEL, rs.getString("channel"));
		return keys;
	}

	private static Map<String, Object> filterParams(StatisticsFilter filter, DataScope scope, DataScope unitFilter) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopeAll", scope.unrestricted());
		params.put("scopePath", scope.likePattern());
		params.put("anyUnit", unitFilter.unrestricted());
		params.put("unitPath", unitFilter.likePattern());
		params.put("anyCategory", filter.categoryCode() == null);
		params.put("category", filter.categoryCode() == null ? "" : filter.categoryCode());
		return params;
	}

	private static Counters counters(ResultSet rs) throws SQLException {
		return new Counters(rs.getLong("received"), rs.getLong("dispatched"), rs.getLong("replied"),
				rs.getLong("closed"), rs.getLong("closed_on_time"), rs.getLong("reopened"), rs.getLong("satisfied"),
				rs.getLong("basically"), rs.getLong("unsatisfied"), rs.getLong("sign_minutes"),
				rs.getLong("sign_count"), rs.getLong("reply_minutes"), rs.getLong("reply_count"),
				rs.getLong("close_minutes"), rs.getLong("close_count"));
	}

}
