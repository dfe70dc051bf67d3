package cn.shouhu.matters.deadlines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
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
 * (default {@code 5s/2,1s/2,1s/8}: the shipped setting first). It prints the figures; it asserts nothing about
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

	/** When each step falls due relative to its deadline, as far as the benchmark's data is concerned. */
	private static final Duration[] STEP_OFFSETS = { Duration.ofDays(-3), Duration.ofDays(-1), Duration.ZERO,
			Duration.ofDays(1), Duration.ofDays(2) };

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
		for (DeadlineKind deadline : List.of(DeadlineKind.REPLY, DeadlineKind.CLOSE)) {
			for (int step = 0; step < NoticeKind.values().length; step++) {
				insertTimers(deadline, NoticeKind.values()[step], STEP_OFFSETS[step], "TRUE");
			}
		}
		long timersMillis = (System.nanoTime() - started) / 1_000_000;
		jdbc.execute("ANALYZE");
		long timers = jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class);
		System.out.printf("BENCHMARK deadlines: %d open matters in %d s, %d timers in %d s%n", MATTERS,
				mattersMillis / 1000, timers, timersMillis / 1000);

		String rounds = System.getenv().getOrDefault("SHOUHU_BENCHMARK_DEADLINE_ROUNDS", "5s/2,1s/2,1s/8");
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
		int moved = jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance"
				+ " IN (SELECT m.id || ':REPLY:WARNING_70' FROM matter m WHERE m.id % ? = ?)", Timestamp.from(t),
				DeadlineTimers.TASK_NAME, MATTERS / DUE, round);
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
			while (notices(round) < moved && System.nanoTime() < end) {
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

	private int notices(int round) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM matter_notice WHERE notice_kind = 'WARNING_70' AND"
				+ " matter_id % ? = ?", Integer.class, MATTERS / DUE, round);
	}

	/**
	 * One step's timers for every generated matter: the task data is a serialised {@link NoticeTimer} whose matter
	 * id and due instant are patched in SQL at the byte offsets where the serializer puts them.
	 */
	private void insertTimers(DeadlineKind deadline, NoticeKind notice, Duration offset, String condition)
			throws IOException {
		long idMarker = 0x0102030405060708L;
		long secondsMarker = 0x00301A2B3C4D5E6FL;
		byte[] template = serialize(new NoticeTimer(idMarker, deadline, notice, Instant.ofEpochSecond(secondsMarker)));
		int idAt = indexOf(template, idMarker);
		int secondsAt = indexOf(template, secondsMarker);
		String dueColumn = deadline == DeadlineKind.REPLY ? "m.reply_due" : "m.close_due";
		jdbc.update("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version,
				    priority)
				SELECT ?, m.id || ? , overlay(overlay(CAST(? AS BYTEA) PLACING int8send(m.id) FROM ? FOR 8)
				           PLACING int8send(CAST(EXTRACT(EPOCH FROM %s) AS BIGINT)) FROM ? FOR 8),
				       %s + CAST(? AS INTERVAL), FALSE, 1, 0
				  FROM matter m WHERE %s
				""".formatted(dueColumn, dueColumn, condition), DeadlineTimers.TASK_NAME,
				":" + deadline + ":" + notice, template, idAt + 1, secondsAt + 1, offset.toSeconds() + " seconds");
	}

	private static byte[] serialize(NoticeTimer timer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(timer);
		}
		return bytes.toByteArray();
	}

	private static int indexOf(byte[] data, long marker) {
		byte[] pattern = new byte[8];
		for (int i = 0; i < 8; i++) {
			pattern[i] = (byte) (marker >>> (56 - 8 * i));
		}
		for (int i = 0; i + 8 <= data.length; i++) {
			if (Arrays.equals(data, i, i + 8, pattern, 0, 8)) {
				return i;
			}
		}
		throw new IllegalStateException("Marker not found in the serialised timer");
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
