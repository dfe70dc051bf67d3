package cn.shouhu.matters.deadlines;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.shouhu.BenchmarkData;
import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;
import cn.shouhu.matters.deadlines.DeadlineTimers.DeadlineTimerRunner;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;

/**
 * The deadline sweep at scale. Not part of the normal run; start it with
 * <pre>SHOUHU_BENCHMARK=true ./mvnw -o test -Dtest=DeadlineBenchmarkOnPostgres</pre>
 * In a PostgreSQL database of its own it stores 1,000,000 open matters (办理中, spread over 40 stations) and their
 * timers exactly as {@link DeadlineWatch} leaves them: 10 rows of {@code scheduled_tasks} per matter (5 steps each
 * of the reply and close deadlines, task data serialised by db-scheduler's Java serializer), all in the future.
 * Then, per round, it moves one step (the 70 % reply warning) of 1,000 matters to one instant T, 15 s ahead, and
 * <ul>
 * <li>times the poll query db-scheduler runs (due timers, by {@code execution_time}) at T, for the first batch and
 * for all 1,000 at once, median of 21, and prints its plan (EXPLAIN ANALYZE): this is "finding" the due timers;</li>
 * <li>starts this node's real poller ({@link DeadlineTimerRunner} with the configured polling interval and
 * threads) and waits until all 1,000 notices are written; each notice's lateness is its {@code created_at} minus
 * T; the sweep is the last notice's lateness.</li>
 * </ul>
 * Rounds: {@code SHOUHU_BENCHMARK_DEADLINE_ROUNDS}, a comma-separated list of {@code pollingInterval/threads}
 * (default {@code 1s/16,1s/4}: the shipped setting first). It prints the figures; it asserts nothing about
 * them, since they depend on the machine.
 */
@PostgresTest
@EnabledIfEnvironmentVariable(named = "SHOUHU_BENCHMARK", matches = "true")
@SpringBootTest(properties = "shouhu.deadlines.enabled=false")
class DeadlineBenchmarkOnPostgres {

	private static final int MATTERS = Integer
		.parseInt(System.getenv().getOrDefault("SHOUHU_BENCHMARK_DEADLINE_MATTERS", "1000000"));

	private static final int DUE = 1000;

	private static final int STATIONS = 40;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.registerOwnDatabase(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OneTimeTask<NoticeTimer> task;

	@Test
	void theSweepFindsAndFiresWhatFellDue() throws Exception {
		long branch = organization.createUnit(null, "基准分局", UnitType.BRANCH, 0);
		Long[] stations = new Long[STATIONS];
		for (int i = 0; i < STATIONS; i++) {
			stations[i] = organization.createUnit(branch, "基准派出所-" + i, UnitType.STATION, i);
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long started = System.nanoTime();
		BenchmarkData.openMatters(jdbc, 1, MATTERS, stations, now);
		long mattersMillis = (System.nanoTime() - started) / 1_000_000;
		started = System.nanoTime();
		DeadlineBenchmarkData.timersOfOpenMatters(jdbc);
		long timersMillis = (System.nanoTime() - started) / 1_000_000;
		jdbc.execute("ANALYZE");
		long timers = jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class);
		System.out.printf("BENCHMARK deadlines: %d open matters in %d s, %d timers in %d s%n", MATTERS,
				mattersMillis / 1000, timers, timersMillis / 1000);

		String rounds = System.getenv().getOrDefault("SHOUHU_BENCHMARK_DEADLINE_ROUNDS", "1s/16,1s/4");
		int round = 0;
		for (String setting : rounds.split(",")) {
			String[] parts = setting.trim().split("/");
			DeadlineProperties properties = new DeadlineProperties(true,
					Duration.parse("PT" + parts[0].toUpperCase()), Integer.parseInt(parts[1]));
			sweep(round++, properties);
		}
	}

	private void sweep(int round, DeadlineProperties properties) throws Exception {
		Instant t = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
		// This round's 1,000 matters (a different 1,000 each round, since a notice is written once per step).
		int moved = DeadlineBenchmarkData.fallDue(jdbc, t, MATTERS / DUE, round, 0);
		jdbc.execute("ANALYZE scheduled_tasks");
		double firstBatch = medianMillis(() -> due(t, properties.threads() * 3));
		double all = medianMillis(() -> due(t, DUE));
		List<String> plan = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM scheduled_tasks WHERE picked ="
				+ " FALSE AND execution_time <= ? ORDER BY execution_time ASC LIMIT ?", String.class, Timestamp.from(t),
				DUE);
		System.out.printf("BENCHMARK deadlines round %d (%s polling, %d threads): %d timers due at T; finding them:"
				+ " first batch of %d %.2f ms, all %d %.2f ms (median of 21); load %.2f%n  %s%n", round,
				properties.pollingInterval(), properties.threads(), moved, properties.threads() * 3, firstBatch, DUE,
				all, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), String.join("\n  ", plan));

		DeadlineTimerRunner runner = new DeadlineTimerRunner(dataSource, task, properties);
		runner.start();
		try {
			long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (DeadlineBenchmarkData.warnings(jdbc, MATTERS / DUE, round, 0) < moved && System.nanoTime() < end) {
				Thread.sleep(100);
			}
		}
		finally {
			runner.stop();
		}
		List<Long> lateness = jdbc.queryForList("SELECT CAST(EXTRACT(EPOCH FROM (created_at - ?)) * 1000 AS BIGINT)"
				+ " FROM matter_notice WHERE notice_kind = 'WARNING_70' AND matter_id % ? = ? ORDER BY 1", Long.class,
				Timestamp.from(t), MATTERS / DUE, round);
		long[] sorted = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("BENCHMARK deadlines round %d (%s polling, %d threads): %d of %d notices written;"
				+ " lateness after T: min %d ms, p50 %d ms, p99 %d ms, max %d ms (the sweep: the last one fired"
				+ " max ms after T); load %.2f%n", round, properties.pollingInterval(), properties.threads(),
				sorted.length, moved, percentile(sorted, 0), percentile(sorted, 50), percentile(sorted, 99),
				percentile(sorted, 100),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private void due(Instant at, int limit) {
		jdbc.queryForList("SELECT * FROM scheduled_tasks WHERE picked = FALSE AND execution_time <= ?"
				+ " ORDER BY execution_time ASC LIMIT ?", Timestamp.from(at), limit);
	}

	private static double medianMillis(Runnable query) {
		for (int i = 0; i < 5; i++) {
			query.run();
		}
		double[] times = new double[21];
		for (int i = 0; i < times.length; i++) {
			long started = System.nanoTime();
			query.run();
			times[i] = (System.nanoTime() - started) / 1_000_000.0;
		}
		Arrays.sort(times);
		return times[times.length / 2];
	}

	static long percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return -1;
		}
		int index = percent == 0 ? 0 : (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
