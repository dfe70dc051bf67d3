package cn.shouhu.statistics;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.shouhu.BenchmarkData;
import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;
import cn.shouhu.TestStaff;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.Role;

/**
 * The statistics page at 5 million matters, through the whole web stack (MockMvc: security, controller, report,
 * Thymeleaf) on PostgreSQL. Not part of the normal run; start it with
 * <pre>SHOUHU_BENCHMARK=true ./mvnw -o test -Dtest=StatisticsPageBenchmarkOnPostgres</pre>
 * In a database of its own: 40 stations; 3 years of roll-ups as {@link StatisticsBenchmark} fills them (1,051,200
 * rows standing for 5,256,000 matters); and the matter table the overdue figures read, with closed matters
 * ({@code SHOUHU_BENCHMARK_CLOSED_MATTERS}, default 4,950,000) and open ones ({@code SHOUHU_BENCHMARK_OPEN_MATTERS},
 * default 50,000, about a third of them past their reply deadline). It then requests {@code /statistics} (the last
 * 30 days) as a branch leader and as one station's leader: 5 warm-up requests, then 25 timed, and prints p50 and
 * p95. It asserts nothing about the times.
 */
@PostgresTest
@EnabledIfEnvironmentVariable(named = "SHOUHU_BENCHMARK", matches = "true")
@SpringBootTest
@AutoConfigureMockMvc
class StatisticsPageBenchmarkOnPostgres {

	private static final int STATIONS = 40;

	private static final int DAYS = 1095;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.registerOwnDatabase(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganizationSetup organization;

	@Test
	void thePageAtFiveMillionMatters() throws Exception {
		int closed = Integer.parseInt(System.getenv().getOrDefault("SHOUHU_BENCHMARK_CLOSED_MATTERS", "4950000"));
		int open = Integer.parseInt(System.getenv().getOrDefault("SHOUHU_BENCHMARK_OPEN_MATTERS", "50000"));
		long branch = organization.createUnit(null, "基准分局", UnitType.BRANCH, 0);
		Long[] stations = new Long[STATIONS];
		for (int i = 0; i < STATIONS; i++) {
			stations[i] = organization.createUnit(branch, "基准派出所-" + i, UnitType.STATION, i);
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long started = System.nanoTime();
		BenchmarkData.rollups(jdbc, stations, LocalDate.now(ZoneId.of("Asia/Shanghai")), DAYS);
		BenchmarkData.closedMatters(jdbc, 1, closed, stations, now);
		// Dispatched 11 days ago: reply due from 6 days ago to 14 days ahead, so about a third are overdue.
		BenchmarkData.openMatters(jdbc, closed + 1, open, stations, now.minus(10, ChronoUnit.DAYS));
		BenchmarkData.moveSequence(jdbc);
		jdbc.execute("ANALYZE");
		long rows = jdbc.queryForObject("SELECT COUNT(*) FROM statistics_daily", Long.class);
		long represented = jdbc.queryForObject("SELECT SUM(received) FROM statistics_daily", Long.class);
		long matters = jdbc.queryForObject("SELECT COUNT(*) FROM matter", Long.class);
		long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM matter WHERE state = 'IN_PROGRESS' AND reply_due < ?",
				Long.class, java.sql.Timestamp.from(Instant.now()));
		System.out.printf("BENCHMARK statistics page: %d roll-up rows (%d matters), %d matter rows (%d open, %d"
				+ " overdue), filled in %d s%n", rows, represented, matters, open, overdue,
				(System.nanoTime() - started) / 1_000_000_000);

		report("branch leader", () -> page(Role.BRANCH_LEADER, branch));
		report("one station's leader", () -> page(Role.UNIT_LEADER, stations[0]));
	}

	private void page(Role role, long unit) throws Exception {
		MvcResult result = mvc.perform(get("/statistics").with(authentication(TestStaff.as(role, unit)))).andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException("/statistics answered " + result.getResponse().getStatus());
		}
	}

	private void report(String who, Request request) throws Exception {
		for (int i = 0; i < 5; i++) {
			request.run();
		}
		double[] times = new double[25];
		for (int i = 0; i < times.length; i++) {
			long started = System.nanoTime();
			request.run();
			times[i] = (System.nanoTime() - started) / 1_000_000.0;
		}
		Arrays.sort(times);
		System.out.printf("BENCHMARK statistics page as %s, last 30 days, %d requests: p50 %.0f ms, p95 %.0f ms,"
				+ " max %.0f ms; load %.2f%n", who, times.length, times[times.length / 2],
				times[(int) Math.ceil(0.95 * times.length) - 1], times[times.length - 1],
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private interface Request {

		void run() throws Exception;

	}

}
