package cn.shouhu.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.shouhu.PostgresTest;
import cn.shouhu.ShouhuProcess;
import cn.shouhu.TestPostgres;

/**
 * Two application nodes (two JVMs) on one PostgreSQL database, as production runs them behind a load balancer:
 * every deadline warning and escalation fires exactly once although both nodes run the timers, and of two
 * concurrent changes to one matter version one wins, the other is refused with 409, and neither is lost
 * silently.
 */
@PostgresTest
class TwoApplicationNodesOnPostgresTest {

	private static final String PASSWORD = "Shouhu@2026";

	/** 签收, 答复, 办结 × (70 %, 90 %, 逾期, to the unit leader, to the branch). */
	private static final int NOTICES_PER_MATTER = 15;

	private static final int MATTERS = 10;

	private static final int ROUNDS = 50;

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

	private static String database;

	private static Path workDir;

	private static ShouhuProcess nodeA;

	private static ShouhuProcess nodeB;

	private static long station;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void startTwoNodes() throws Exception {
		database = TestPostgres.createDatabase();
		workDir = Files.createTempDirectory("shouhu-two-nodes");
		nodeA = ShouhuProcess.start(workDir, arguments(true));
		// Time limits of one working minute for 求助 (this database only), and every hour of today and the next
		// days a working hour, so that warnings and overdue notices fall due within the test.
		execute("""
				UPDATE time_limit_policy SET sign_amount = 1, sign_unit = 'WORKING_MINUTES', reply_amount = 1,
				       reply_unit = 'WORKING_MINUTES', close_amount = 1, close_unit = 'WORKING_MINUTES'
				 WHERE kind = 'HELP'
				""");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		for (int day = -1; day <= 7; day++) {
			execute("INSERT INTO calendar_day (cal_date, off_day, name, updated_at) VALUES (DATE '" + today.plusDays(day)
					+ "', FALSE, '故障测试', CURRENT_TIMESTAMP) ON CONFLICT (cal_date) DO UPDATE SET off_day = FALSE");
		}
		nodeB = ShouhuProcess.start(workDir, arguments(false));
		station = number("SELECT id FROM unit WHERE name = '沼潭派出所'");
	}

	@AfterAll
	static void stopNodes() throws Exception {
		try {
			if (nodeA != null) {
				nodeA.close();
			}
			if (nodeB != null) {
				nodeB.close();
			}
		}
		finally {
			FailureDatabases.keepLogs(workDir, TwoApplicationNodesOnPostgresTest.class);
			try (var files = Files.walk(workDir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
			if (database != null) {
				TestPostgres.dropDatabase(database);
			}
		}
	}

	@Test
	void everyWarningAndEscalationFiresExactlyOnceWithTwoNodes() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < MATTERS; i++) {
			ShouhuProcess node = i % 2 == 0 ? nodeA : nodeB;
			long id = create(node, "HELP", "两节点时限 " + i);
			dispatch(i % 2 == 0 ? nodeB : nodeA, id);
			ids.add(id);
		}
		String matters = ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
		long started = System.nanoTime();
		// Warnings at 70 % and 90 % of the minute, overdue (督办) at its end: in real time, on whichever node polls.
		awaitCount("SELECT COUNT(*) FROM matter_notice WHERE notice_kind IN ('WARNING_70', 'WARNING_90', 'OVERDUE')"
				+ " AND matter_id IN (" + matters + ")", MATTERS * 9, Duration.ofMinutes(4));
		double realTime = (System.nanoTime() - started) / 1e9;
		// The escalations come one and two working days after the due instant; a day is too long to wait, so their
		// timers are brought forward. (A firing does not compare the clock with the due instant, only the instant
		// with the matter's, so this exercises the same code as waiting would.)
		execute("UPDATE scheduled_tasks SET execution_time = CURRENT_TIMESTAMP WHERE task_name = "
				+ "'matter-deadline-notice' AND task_instance LIKE '%:ESCALATED_%' AND picked = FALSE AND CAST("
				+ "SUBSTRING(task_instance FROM '^[0-9]+') AS BIGINT) IN (" + matters + ")");
		awaitCount("SELECT COUNT(*) FROM matter_notice WHERE matter_id IN (" + matters + ")",
				MATTERS * NOTICES_PER_MATTER, Duration.ofMinutes(2));
		// Both nodes poll every 200 ms: a second firing would show within a few polls.
		Thread.sleep(3000);
		System.out.printf("FAILURE-TEST two nodes: %d matters, %d notices, warnings and overdue within %.1f s,"
				+ " all within %.1f s%n", MATTERS, number("SELECT COUNT(*) FROM matter_notice WHERE matter_id IN ("
						+ matters + ")"), realTime, (System.nanoTime() - started) / 1e9);

		for (long id : ids) {
			assertThat(number("SELECT COUNT(*) FROM matter_notice WHERE matter_id = " + id)).as("notices of " + id)
				.isEqualTo(NOTICES_PER_MATTER);
			assertThat(number("SELECT COUNT(DISTINCT deadline_kind || ':' || notice_kind) FROM matter_notice"
					+ " WHERE matter_id = " + id)).as("distinct notices of " + id).isEqualTo(NOTICES_PER_MATTER);
			assertThat(number("SELECT COUNT(*) FROM audit_event WHERE target_type = 'matter_notice' AND target_id LIKE '"
					+ id + ":%'")).as("audited notices of " + id).isEqualTo(NOTICES_PER_MATTER);
			// 督办 once per overdue deadline (签收, 答复, 办结), never twice.
			assertThat(number("SELECT supervision_count FROM matter WHERE id = " + id)).as("supervisions of " + id)
				.isEqualTo(3);
		}
		assertThat(number("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'matter-deadline-notice' AND CAST("
				+ "SUBSTRING(task_instance FROM '^[0-9]+') AS BIGINT) IN (" + matters + ")")).as("timers left")
			.isZero();
		// Exactly once across the cluster, not once because one node did all the work: each node wrote some.
		// (A line per notice written, in a transaction that may still roll back and be fired again, so the lines
		// are not a count of rows; the rows and their audit records above are.)
		long byA = nodeA.logLinesContaining("Notice written: ");
		long byB = nodeB.logLinesContaining("Notice written: ");
		System.out.printf("FAILURE-TEST two nodes: node A wrote %d notices, node B %d%n", byA, byB);
		assertThat(byA).as("notices written by node A").isPositive();
		assertThat(byB).as("notices written by node B").isPositive();
	}

	@Test
	void ofTwoConcurrentChangesOnTwoNodesOneWinsAndTheOtherIs409() throws Exception {
		// 投诉 keeps its working-day limits: no timer touches the matter while the nodes race.
		long id = create(nodeA, "COMPLAINT", "两节点并发修改");
		dispatch(nodeB, id);
		post(nodeA, "handler", "/api/v1/matters/" + id + "/sign", "{\"version\":" + version(nodeA, id) + "}", 200);
		CyclicBarrier together = new CyclicBarrier(2);
		int wonByA = 0;
		for (int round = 0; round < ROUNDS; round++) {
			int version = version(nodeB, id);
			String noteA = "A 节点第 " + round + " 轮进展";
			String noteB = "B 节点第 " + round + " 轮进展";
			CompletableFuture<HttpResponse<String>> a = CompletableFuture
				.supplyAsync(() -> progress(nodeA, id, version, noteA, together));
			CompletableFuture<HttpResponse<String>> b = CompletableFuture
				.supplyAsync(() -> progress(nodeB, id, version, noteB, together));
			int statusA = a.get().statusCode();
			int statusB = b.get().statusCode();
			assertThat(List.of(statusA, statusB)).as("round %d: %s / %s", round, a.get().body(), b.get().body())
				.containsExactlyInAnyOrder(200, 409);
			String winner = statusA == 200 ? noteA : noteB;
			String loser = statusA == 200 ? noteB : noteA;
			wonByA += statusA == 200 ? 1 : 0;
			String matter = get(nodeA, "coordinator", "/api/v1/matters/" + id).body();
			assertThat(matter).as("round %d", round).contains(winner).doesNotContain(loser);
			assertThat(version(nodeA, id)).as("one change, one new version").isEqualTo(version + 1);
			assertThat(b.get().body().contains("\"status\":409") || a.get().body().contains("\"status\":409")).isTrue();
		}
		assertThat(number("SELECT COUNT(*) FROM matter_timeline WHERE matter_id = " + id + " AND action = 'PROGRESS_RECORDED'"))
			.as("progress entries: one per round").isEqualTo(ROUNDS);
		System.out.printf("FAILURE-TEST two nodes: %d rounds of concurrent changes, node A won %d, node B won %d%n",
				ROUNDS, wonByA, ROUNDS - wonByA);
	}

	private HttpResponse<String> progress(ShouhuProcess node, long id, int version, String note,
			CyclicBarrier together) {
		try {
			together.await();
			return send(node, "handler", "/api/v1/matters/" + id + "/progress",
					"{\"version\":" + version + ",\"reason\":\"" + note + "\"}");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private long create(ShouhuProcess node, String kind, String title) throws Exception {
		String body = """
				{"channel":"PHONE","kind":"%s","title":"%s","description":"两个节点同时工作时的测试事项。",
				 "submitter":{"anonymous":false,"name":"王女士","phone":"13847215678"}}
				""".formatted(kind, title);
		HttpResponse<String> response = http.send(request(node, "clerk", "/api/v1/matters")
			.header("Idempotency-Key", "two-nodes-" + System.nanoTime())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Long.parseLong(first(ID, response.body()));
	}

	private void dispatch(ShouhuProcess node, long id) throws Exception {
		post(node, "coordinator", "/api/v1/matters/" + id + "/dispatch", "{\"version\":" + version(node, id)
				+ ",\"categoryCode\":\"PUBLIC_ORDER\",\"leadUnitId\":" + station + "}", 200);
	}

	private int version(ShouhuProcess node, long id) throws Exception {
		HttpResponse<String> response = get(node, "coordinator", "/api/v1/matters/" + id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		// The matter's own version is the last "version" in its view (tasks come before it).
		Matcher matcher = VERSION.matcher(response.body());
		String version = null;
		while (matcher.find()) {
			version = matcher.group(1);
		}
		return Integer.parseInt(version);
	}

	private void post(ShouhuProcess node, String user, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = send(node, user, path, body);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
	}

	private HttpResponse<String> send(ShouhuProcess node, String user, String path, String body) {
		try {
			return http.send(request(node, user, path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(path, e);
		}
	}

	private HttpResponse<String> get(ShouhuProcess node, String user, String path) throws Exception {
		return http.send(request(node, user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(ShouhuProcess node, String user, String path) {
		String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic)
			.header("Content-Type", "application/json");
	}

	private static String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	private static String[] arguments(boolean demo) {
		List<String> arguments = new ArrayList<>(FailureDatabases.postgresArguments(TestPostgres.url(database)));
		arguments.addAll(List.of("--shouhu.demo.enabled=" + demo, "--shouhu.deadlines.enabled=true",
				"--shouhu.deadlines.polling-interval=200ms", "--shouhu.calendar.business-hours=00:00-23:59",
				"--shouhu.calendar.refresh-interval=1s",
				// Each notice a node writes is a log line: both nodes must have fired some (see below).
				"--logging.level.cn.shouhu.matters.deadlines.NoticeFiring=DEBUG"));
		return arguments.toArray(String[]::new);
	}

	private static void awaitCount(String sql, long expected, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (number(sql) < expected && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		assertThat(number(sql)).as(sql).isEqualTo(expected);
	}

	private static long number(String sql) throws SQLException {
		try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql);
				ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.executeUpdate();
		}
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(TestPostgres.url(database), TestPostgres.USER, TestPostgres.PASSWORD);
	}

}
