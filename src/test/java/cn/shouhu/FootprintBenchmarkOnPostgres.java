package cn.shouhu;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.shouhu.matters.deadlines.DeadlineBenchmarkData;

/**
 * Shouhu's footprint, as a child JVM. Not part of the normal run; start it with
 * <pre>SHOUHU_BENCHMARK=true ./mvnw -o test -Dtest=FootprintBenchmarkOnPostgres</pre>
 * <ul>
 * <li>Start-up on the embedded default (H2 file, demo on, no JVM options): from the process start to the first 200
 * of {@code /login}, on a fresh data directory and again on the same directory, 3 times each.</li>
 * <li>Heap with 1,000,000 matters on PostgreSQL: a database of its own is migrated and given the demo branch by a
 * first start, then filled with 900,000 closed matters and 100,000 open ones with their 1,000,000 deadline timers.
 * For each {@code -Xmx} in {@code SHOUHU_BENCHMARK_HEAPS} (default {@code 512,384,256}, MB) Shouhu starts with
 * {@code -Xlog:gc}, the branch leader pages through the board (10 pages of 100, and sorted by due date), opens the
 * statistics page, a matter and the notices, a handler opens the to-do list, and 1,000 timers fall due; then a full
 * GC ({@code jcmd GC.run}) and the heap in use after it ({@code jcmd GC.heap_info}).</li>
 * </ul>
 * It prints the figures and asserts nothing about them.
 */
@PostgresTest
@EnabledIfEnvironmentVariable(named = "SHOUHU_BENCHMARK", matches = "true")
class FootprintBenchmarkOnPostgres {

	private static final String PASSWORD = "Shouhu@2026";

	@Test
	void startUpOnTheEmbeddedDefault(@TempDir Path work) throws Exception {
		List<Long> fresh = new ArrayList<>();
		List<Long> again = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Path data = Files.createDirectory(work.resolve("data-" + i));
			Map<String, String> env = Map.of("SHOUHU_DATA_DIR", data.toString());
			try (BenchmarkProcess app = BenchmarkProcess.start(work, List.of(), env, null)) {
				fresh.add(app.readyMillis());
			}
			try (BenchmarkProcess app = BenchmarkProcess.start(work, List.of(), env, null)) {
				again.add(app.readyMillis());
			}
		}
		System.out.printf("BENCHMARK start-up on the embedded default: fresh data dir %s ms (median %d), second"
				+ " start %s ms (median %d); load %.2f%n", fresh, median(fresh), again, median(again), load());
	}

	@Test
	void heapWithAMillionMatters(@TempDir Path work) throws Exception {
		String database = TestPostgres.createDatabase();
		try {
			Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SHOUHU_DB_URL",
					TestPostgres.url(database), "SHOUHU_DB_USER", TestPostgres.USER, "SHOUHU_DB_PASSWORD",
					TestPostgres.PASSWORD, "SHOUHU_DEMO", "true", "SHOUHU_DATA_DIR", work.toString());
			try (BenchmarkProcess app = BenchmarkProcess.start(work, List.of("-Xmx512m"), env, null)) {
				System.out.printf("BENCHMARK footprint: migrated and demo branch loaded in %d ms%n", app.readyMillis());
			}
			JdbcTemplate jdbc = new JdbcTemplate(
					new DriverManagerDataSource(TestPostgres.url(database), TestPostgres.USER, TestPostgres.PASSWORD));
			Long[] stations = jdbc.queryForList("SELECT id FROM unit WHERE unit_type = 'STATION' ORDER BY id", Long.class)
				.toArray(Long[]::new);
			long first = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM matter", Long.class);
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			long started = System.nanoTime();
			BenchmarkData.closedMatters(jdbc, first, 900_000, stations, now);
			BenchmarkData.openMatters(jdbc, first + 900_000, 100_000, stations, now);
			BenchmarkData.moveSequence(jdbc);
			DeadlineBenchmarkData.timersOfOpenMatters(jdbc);
			jdbc.execute("ANALYZE");
			long matters = jdbc.queryForObject("SELECT COUNT(*) FROM matter", Long.class);
			long timers = jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class);
			long someMatter = first + 900_000 + 4242;
			System.out.printf("BENCHMARK footprint: %d matters, %d timers, filled in %d s%n", matters, timers,
					(System.nanoTime() - started) / 1_000_000_000);

			String heaps = System.getenv().getOrDefault("SHOUHU_BENCHMARK_HEAPS", "512,384,256");
			int round = 0;
			for (String heap : heaps.split(",")) {
				exercise(work, env, Integer.parseInt(heap.trim()), jdbc, first, someMatter, round++);
			}
		}
		finally {
			TestPostgres.dropDatabase(database);
		}
	}

	private void exercise(Path work, Map<String, String> env, int heapMb, JdbcTemplate jdbc, long firstFilled,
			long someMatter, int round) throws Exception {
		Path gcLog = work.resolve("gc-" + heapMb + ".log");
		Map<String, Integer> pages = new LinkedHashMap<>();
		String outcome;
		long heapKb = -1;
		long readyMillis = -1;
		int warnings = -1;
		Long lateness = null;
		try (BenchmarkProcess app = BenchmarkProcess.start(work,
				List.of("-Xmx" + heapMb + "m", "-Xlog:gc:file=" + gcLog), env, null)) {
			readyMillis = app.readyMillis();
			Instant dueAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
			int due = DeadlineBenchmarkData.fallDue(jdbc, dueAt, 100, round, firstFilled);
			BenchmarkProcess.Session leader = new BenchmarkProcess.Session(app.baseUrl(), "branchlead", PASSWORD);
			for (int page = 0; page < 10; page++) {
				pages.put("/matters/board?size=100&page=" + page, leader.get("/matters/board?size=100&page=" + page));
			}
			pages.put("/matters/board?sort=due&size=100", leader.get("/matters/board?sort=due&size=100"));
			pages.put("/statistics", leader.get("/statistics"));
			pages.put("/matters/" + someMatter, leader.get("/matters/" + someMatter));
			pages.put("/matters/notices", leader.get("/matters/notices"));
			BenchmarkProcess.Session handler = new BenchmarkProcess.Session(app.baseUrl(), "handler", PASSWORD);
			pages.put("/matters/todo (handler)", handler.get("/matters/todo"));
			long end = System.nanoTime() + 180_000_000_000L;
			while ((warnings = DeadlineBenchmarkData.warnings(jdbc, 100, round, firstFilled)) < due && System.nanoTime() < end
					&& app.alive()) {
				Thread.sleep(500);
			}
			lateness = jdbc.queryForList("SELECT CAST(EXTRACT(EPOCH FROM (MAX(created_at) - ?)) * 1000 AS BIGINT)"
					+ " FROM matter_notice WHERE notice_kind = 'WARNING_70' AND matter_id % 100 = ? AND matter_id >= ?",
					Long.class, java.sql.Timestamp.from(dueAt), round, firstFilled).get(0);
			if (app.alive()) {
				heapKb = app.heapUsedAfterFullGcKb();
			}
			boolean oom = Files.readString(app.log()).contains("OutOfMemoryError");
			boolean allOk = pages.values().stream().allMatch(status -> status == 200);
			outcome = app.alive() && !oom && allOk && warnings == due ? "OK" : "FAILED (alive " + app.alive()
					+ ", OutOfMemoryError " + oom + ")";
		}
		catch (RuntimeException e) {
			outcome = "FAILED: " + e.getMessage().lines().findFirst().orElse("");
		}
		System.out.printf("BENCHMARK footprint -Xmx%dm: %s; ready in %d ms; pages %s; %d due warnings written, the last %s ms"
				+ " late; heap used after full GC %d MB; GC log %s; load %.2f%n", heapMb, outcome, readyMillis, pages,
				warnings, lateness, heapKb < 0 ? -1 : heapKb / 1024, gcLog, load());
	}

	private static long median(List<Long> values) {
		long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

}
