package cn.shouhu.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * How the statistics page's query cost behaves as history grows. Not part of the normal run; start it with
 * <pre>SHOUHU_BENCHMARK=true ./mvnw -o test -Dtest=StatisticsBenchmark</pre>
 * It fills the roll-up table for 40 units × 12 categories × 2 kinds per day (960 rows a day, each standing for
 * 5 received matters: 4,800 matters a day), then times the report of the last 30 days, branch-wide and for one
 * station, after 60 days, 1 year and 3 years of history (up to about 1 million rows and 5.3 million matters).
 * It prints the timings; it asserts nothing about them, since they depend on the machine.
 */
@EnabledIfEnvironmentVariable(named = "SHOUHU_BENCHMARK", matches = "true")
class StatisticsBenchmark extends StatisticsSpringTest {

	private static final LocalDate LAST_DAY = LocalDate.of(2023, 12, 31);

	private static final int UNITS = 40;

	private static final String[] CATEGORIES = { "HOUSEHOLD", "EXIT_ENTRY", "TRAFFIC", "PUBLIC_ORDER", "CRIME",
			"FRAUD", "CYBER", "EMERGENCY", "DISPUTE", "ENTERPRISE", "CONDUCT", "OTHER" };

	private static final String[] KINDS = { "HELP", "COMPLAINT" };

	@Autowired
	JdbcTemplate jdbcTemplate;

	@AfterEach
	void removeRows() {
		jdbcTemplate.update("DELETE FROM statistics_daily WHERE stat_day <= ?", LAST_DAY);
	}

	@Test
	void theReportCostsTheSameWhateverTheHistory() {
		List<Long> units = new ArrayList<>();
		for (int i = 0; i < UNITS; i++) {
			units.add(organization.createUnit(branch, "基准派出所-" + stationA + "-" + i, UnitType.STATION, i));
		}
		StatisticsFilter window = new StatisticsFilter(LAST_DAY.minusDays(29), LAST_DAY, null, null);
		CurrentStaff leader = staff(Role.BRANCH_LEADER, branch);
		CurrentStaff stationLeader = staff(Role.UNIT_LEADER, units.get(0));

		int filled = 0;
		for (int historyDays : new int[] { 60, 365, 1095 }) {
			long started = System.nanoTime();
			for (int d = filled; d < historyDays; d++) {
				insertDay(LAST_DAY.minusDays(d), units);
			}
			long insertMillis = (System.nanoTime() - started) / 1_000_000;
			filled = historyDays;
			long rows = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM statistics_daily", Long.class);
			long matters = jdbcTemplate.queryForObject("SELECT SUM(received) FROM statistics_daily", Long.class);
			double branchWide = medianMillis(() -> statistics.report(leader, window));
			double oneStation = medianMillis(() -> statistics.report(stationLeader, window));
			System.out.printf("BENCHMARK history=%d days rows=%d matters=%d (filled in %d ms): "
					+ "30-day report branch-wide %.1f ms, one station %.1f ms%n", historyDays, rows, matters,
					insertMillis, branchWide, oneStation);
		}
	}

	private void insertDay(LocalDate day, List<Long> units) {
		List<Object[]> rows = new ArrayList<>(UNITS * CATEGORIES.length * KINDS.length);
		for (long unit : units) {
			for (String category : CATEGORIES) {
				for (String kind : KINDS) {
					rows.add(new Object[] { day, unit, category, kind, "PHONE", 5, 5, 4, 4, 3, 1, 2, 1, 1, 40, 4, 900,
							4, 1800, 4 });
				}
			}
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO statistics_daily (stat_day, unit_id, category_code, kind, channel, received, dispatched,
				    replied, closed, closed_on_time, reopened, follow_ups_satisfied, follow_ups_basically,
				    follow_ups_unsatisfied, sign_minutes, sign_count, reply_minutes, reply_count, close_minutes,
				    close_count)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	private static double medianMillis(Runnable report) {
		for (int i = 0; i < 3; i++) {
			report.run();
		}
		double[] times = new double[7];
		for (int i = 0; i < times.length; i++) {
			long started = System.nanoTime();
			report.run();
			times[i] = (System.nanoTime() - started) / 1_000_000.0;
		}
		Arrays.sort(times);
		return times[times.length / 2];
	}

}
