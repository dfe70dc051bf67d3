package cn.shouhu;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk data for the benchmarks, generated inside PostgreSQL ({@code INSERT … SELECT … FROM generate_series}), which
 * is much faster than shipping millions of rows through JDBC. PostgreSQL only: the benchmarks that need millions of
 * matters run there. Rows go to the lead units given as station ids (the matters spread over them evenly), with
 * ids starting at {@code firstId}; the caller moves {@code matter_id_seq} past them with {@link #moveSequence}.
 */
public final class BenchmarkData {

	/** The seeded categories (V11). */
	public static final String CATEGORIES = "{HOUSEHOLD,EXIT_ENTRY,TRAFFIC,PUBLIC_ORDER,CRIME,FRAUD,CYBER,EMERGENCY,"
			+ "DISPUTE,ENTERPRISE,CONDUCT,OTHER}";

	private BenchmarkData() {
	}

	/**
	 * Open matters in 办理中 (IN_PROGRESS), dispatched a day before {@code now}: reply due between 4 and 24 days after
	 * {@code now} (whole seconds, spread by id), close due 5 days after the reply. Each row is as wide as a typical
	 * phone complaint: a title, three sentences of description, an address and a named submitter with phone.
	 */
	public static void openMatters(JdbcTemplate jdbc, long firstId, int count, Long[] stations, Instant now) {
		insertMatters(jdbc, firstId, count, stations, now, "IN_PROGRESS");
	}

	/** Closed matters (已办结), received over the 3 years before {@code now}; they carry no running deadline. */
	public static void closedMatters(JdbcTemplate jdbc, long firstId, int count, Long[] stations, Instant now) {
		insertMatters(jdbc, firstId, count, stations, now, "CLOSED");
	}

	private static void insertMatters(JdbcTemplate jdbc, long firstId, int count, Long[] stations, Instant now,
			String state) {
		Instant second = now.truncatedTo(ChronoUnit.SECONDS);
		int chunk = 200_000;
		for (long from = firstId; from < firstId + count; from += chunk) {
			long to = Math.min(firstId + count, from + chunk) - 1;
			jdbc.update("""
					INSERT INTO matter (id, tracking_code, channel, kind, category_code, urgency, state, title,
					    description, place_address, place_community, submitter_anonymous, submitter_name,
					    submitter_phone, lead_unit_id, received_at, first_dispatched_at, dispatched_at, signed_at,
					    sign_due, reply_due, close_due, closed_at, updated_at)
					SELECT g, 'B' || lpad(g::text, 11, '0'), 'PHONE',
					       CASE WHEN g % 3 = 0 THEN 'COMPLAINT' ELSE 'HELP' END,
					       (CAST(? AS VARCHAR[]))[1 + g % 12], 'NORMAL', ?,
					       '夜间广场舞噪音扰民（' || g || '）',
					       repeat('小区广场每晚九点后仍有广场舞，音响声音很大，影响老人和孩子休息。', 3),
					       '民族东路' || (g % 500) || '号', '民族东路社区', FALSE, '赵先生',
					       '159' || lpad((g % 100000000)::text, 8, '0'),
					       (CAST(? AS BIGINT[]))[1 + g % ?],
					       t.received, t.received, t.received, t.received + INTERVAL '30 minutes',
					       t.received + INTERVAL '1 hour', t.reply_due, t.reply_due + INTERVAL '5 days',
					       CASE WHEN ? = 'CLOSED' THEN t.received + INTERVAL '3 days' END, t.received
					  FROM generate_series(CAST(? AS BIGINT), CAST(? AS BIGINT)) g
					 CROSS JOIN LATERAL (SELECT
					       CASE WHEN ? = 'CLOSED' THEN CAST(? AS TIMESTAMPTZ) - (g % 1095) * INTERVAL '1 day'
					            ELSE CAST(? AS TIMESTAMPTZ) - INTERVAL '1 day' END AS received,
					       CASE WHEN ? = 'CLOSED' THEN CAST(? AS TIMESTAMPTZ) - (g % 1095) * INTERVAL '1 day'
					                 + INTERVAL '5 days'
					            ELSE CAST(? AS TIMESTAMPTZ) + INTERVAL '4 days' + ((g * 7919) % 1728000) * INTERVAL '1 second'
					            END AS reply_due) t
					""", CATEGORIES, state, "{" + join(stations) + "}", stations.length, state, from, to, state,
					java.sql.Timestamp.from(second), java.sql.Timestamp.from(second), state,
					java.sql.Timestamp.from(second), java.sql.Timestamp.from(second));
		}
	}

	/** Moves the matter id sequence past the generated rows, so that new matters get new ids. */
	public static void moveSequence(JdbcTemplate jdbc) {
		jdbc.queryForObject("SELECT setval('matter_id_seq', (SELECT MAX(id) FROM matter))", Long.class);
	}

	/**
	 * Statistics roll-ups as {@code StatisticsBenchmark} fills them: one row per day × station × category × kind,
	 * each standing for 5 received matters, for the {@code days} days up to {@code lastDay}.
	 */
	public static void rollups(JdbcTemplate jdbc, Long[] stations, LocalDate lastDay, int days) {
		jdbc.update("""
				INSERT INTO statistics_daily (stat_day, unit_id, category_code, kind, channel, received, dispatched,
				    replied, closed, closed_on_time, reopened, follow_ups_satisfied, follow_ups_basically,
				    follow_ups_unsatisfied, sign_minutes, sign_count, reply_minutes, reply_count, close_minutes,
				    close_count)
				SELECT CAST(? AS DATE) - d, u, c, k, 'PHONE', 5, 5, 4, 4, 3, 1, 2, 1, 1, 40, 4, 900, 4, 1800, 4
				  FROM generate_series(0, ? - 1) d, unnest(CAST(? AS BIGINT[])) u, unnest(CAST(? AS VARCHAR[])) c,
				       unnest(CAST('{HELP,COMPLAINT}' AS VARCHAR[])) k
				""", java.sql.Date.valueOf(lastDay), days, "{" + join(stations) + "}", CATEGORIES);
	}

	private static String join(Long[] ids) {
		StringBuilder text = new StringBuilder();
		for (Long id : ids) {
			text.append(text.isEmpty() ? "" : ",").append(id);
		}
		return text.toString();
	}

}
