package cn.shouhu.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.shouhu.PostgresTest;
import cn.shouhu.ShouhuProcess;
import cn.shouhu.StaffBrowser;
import cn.shouhu.TestPostgres;
import cn.shouhu.failure.SubmissionLoad.Answer;

/**
 * PostgreSQL goes down in the middle of a load, and comes back. The shared PostgreSQL server is not stopped:
 * the application reaches its database through a {@link TcpProxy}, and the test does what a fast shutdown does —
 * new connections refused, every open session of the database ended by the server with FATAL 57P01
 * ({@code pg_terminate_backend}), what is left cut — and later restores the proxy. While it is down, every request
 * fails within 2 s with 503, Retry-After and a clear message (a ProblemDetail for the API, a Chinese page for a
 * signed-in user); within 10 s after it is back, Shouhu serves again without a restart; no matter is half-written,
 * and every acknowledged one is there.
 * <p>
 * The embedded H2 default runs inside the application's JVM and cannot go down on its own; this case does not
 * apply to it (a crash of the whole JVM is {@link KillDuringLoadOnH2Test}).
 */
@PostgresTest
class DatabaseOutageOnPostgresTest {

	private static final String PASSWORD = "Shouhu@2026";

	/** The bound for a failing request; the answer must come well before a client would give up. */
	private static final Duration FAIL_WITHIN = Duration.ofSeconds(2);

	/** The bound for recovering after the database is back. */
	private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);

	/** How much of a request's time may have passed before the cut, in its password check. */
	private static final Duration IN_FLIGHT_HEAD_START = Duration.ofSeconds(1);

	private static final Duration DOWN_FOR = Duration.ofSeconds(6);

	@TempDir
	Path workDir;

	private String database;

	@BeforeEach
	void createDatabase() {
		database = TestPostgres.createDatabase();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		FailureDatabases.keepLogs(workDir, getClass());
		TestPostgres.dropDatabase(database);
	}

	@Test
	void whileDownRequestsFailFastWith503AndShouhuRecoversByItself() throws Exception {
		URI postgres = URI.create(TestPostgres.url(database).substring("jdbc:".length()));
		String run = "down" + Long.toString(System.currentTimeMillis(), 36);
		SubmissionLoad load = new SubmissionLoad(SubmissionLoad.staffApi("clerk", PASSWORD), run, 1_000_000);
		List<Answer> whileDown = new ArrayList<>();
		HttpResponse<String> page;
		HttpResponse<String> problem;
		long pageMillis;
		long cutAt;
		long problemMillis;
		long recoveryMillis;
		int terminated;
		try (TcpProxy proxy = new TcpProxy(postgres.getHost(), postgres.getPort());
				ShouhuProcess app = ShouhuProcess.start(workDir,
						concat(FailureDatabases.postgresArguments(
								"jdbc:postgresql://127.0.0.1:" + proxy.port() + postgres.getPath()),
								"--shouhu.demo.enabled=true", "--shouhu.deadlines.enabled=false"))) {
			StaffBrowser coordinator = new StaffBrowser(app.port());
			coordinator.signIn("coordinator", PASSWORD);
			assertThat(coordinator.get("/").statusCode()).isEqualTo(200);

			load.start(app.port(), 2, false);
			awaitAcknowledged(load, 20);

			// As PostgreSQL's own fast shutdown does it: no new sessions, every open one ends with FATAL 57P01
			// (terminating connection due to administrator command); then whatever is left of them is cut.
			proxy.refuseNew();
			cutAt = System.nanoTime();
			terminated = terminateSessions();
			proxy.cut();
			long start = System.nanoTime();
			problem = apiGet(app.port(), "/api/v1/matters?size=1");
			problemMillis = millisSince(start);
			start = System.nanoTime();
			page = coordinator.get("/");
			pageMillis = millisSince(start);
			while (System.nanoTime() - cutAt < DOWN_FOR.toNanos()) {
				Thread.sleep(100);
			}
			int refusedBefore = load.refused().size();
			proxy.restore();
			long restoredAt = System.nanoTime();
			while (apiGet(app.port(), "/api/v1/matters?size=1").statusCode() != 200
					&& System.nanoTime() - restoredAt < Duration.ofSeconds(60).toNanos()) {
				Thread.sleep(100);
			}
			recoveryMillis = millisSince(restoredAt);
			int acknowledgedAtRestore = load.acknowledged().size();
			awaitAcknowledged(load, acknowledgedAtRestore + 20);
			load.stop();
			load.awaitStopped(Duration.ofMinutes(1));
			whileDown.addAll(load.refused().subList(0, refusedBefore));
			assertThat(coordinator.get("/").statusCode()).as("the page after recovery").isEqualTo(200);

			// Whatever was refused is sent again with its key, as the Retry-After invites.
			for (Answer refused : load.refused()) {
				assertThat(load.retry(app.port(), refused.key()).status()).as("retry of " + refused.key()).isEqualTo(201);
			}
			System.out.printf("FAILURE-TEST database down on PostgreSQL: %d acknowledged, %d refused while down"
					+ " (slowest %d ms after it was sent, slowest in flight at the cut %d ms after the cut), API answer %d ms, page answer %d ms, recovered %d ms after the database"
					+ " returned; %d sessions ended with 57P01 at the cut%n", load.acknowledged().size(), whileDown.size(),
					whileDown.stream().filter(answer -> answer.sentAt() >= cutAt).mapToLong(Answer::millis).max().orElse(0),
					whileDown.stream()
						.filter(answer -> answer.sentAt() < cutAt)
						.mapToLong(answer -> (answer.answeredAt() - cutAt) / 1_000_000)
						.max()
						.orElse(0),
					problemMillis, pageMillis,
					recoveryMillis, terminated);
		}

		// The pool's sessions were open at the cut: the shutdown's FATAL 57P01 reached the application.
		assertThat(terminated).as("sessions ended at the cut").isPositive();

		assertThat(problem.statusCode()).as(problem.body()).isEqualTo(503);
		assertThat(problemMillis).as("API answer while down, ms").isLessThan(FAIL_WITHIN.toMillis());
		assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(problem.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(problem.body()).contains("\"status\":503").contains("数据库暂时无法连接");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(pageMillis).as("page answer while down, ms").isLessThan(FAIL_WITHIN.toMillis());
		assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(page.body()).contains("数据库暂时无法连接");

		assertThat(whileDown).as("submissions refused while the database was down").isNotEmpty();
		// A request sent while the database was down is answered within 2 s. One already in flight at the cut
		// may have spent part of that in its password check (Argon2id, CPU-bound) before it needs the database:
		// it is answered within 2 s of the cut plus its own head start, at most one more second.
		assertThat(whileDown).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.key()).isEqualTo(503);
			if (answer.sentAt() >= cutAt) {
				assertThat(answer.millis()).as(answer + " answered in ms").isLessThan(FAIL_WITHIN.toMillis());
			}
			else {
				assertThat((answer.answeredAt() - cutAt) / 1_000_000).as(answer + " answered after the cut in ms")
					.isLessThan(FAIL_WITHIN.plus(IN_FLIGHT_HEAD_START).toMillis());
			}
		});
		assertThat(recoveryMillis).as("recovery after the database returned, ms")
			.isLessThan(RECOVER_WITHIN.toMillis());

		// Nothing half-written: every matter of the load is whole, once, with its timeline, audit record and key.
		Set<String> sent = load.sent();
		Map<String, Long> matters = mattersOf(run);
		assertThat(matters.keySet()).as("one matter per key sent").isEqualTo(sent);
		load.acknowledged().forEach((key, id) -> assertThat(matters.get(key)).as(key).isEqualTo(id));
		assertThat(count("""
				SELECT COUNT(*) FROM matter m WHERE m.title LIKE ? AND (
				  NOT EXISTS (SELECT 1 FROM matter_timeline t WHERE t.matter_id = m.id AND t.action = 'RECEIVED')
				  OR NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.target_type = 'matter'
				                  AND a.target_id = CAST(m.id AS VARCHAR(300)))
				  OR NOT EXISTS (SELECT 1 FROM matter_api_idempotency k WHERE k.matter_id = m.id))
				""", SubmissionLoad.TITLE_PREFIX + run + "-%")).as("half-written matters").isZero();
	}

	private static void awaitAcknowledged(SubmissionLoad load, int atLeast) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (load.acknowledged().size() < atLeast && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(load.acknowledged()).as("acknowledged submissions").hasSizeGreaterThanOrEqualTo(atLeast);
	}

	private static HttpResponse<String> apiGet(int port, String path) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString(("coordinator:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Map<String, Long> mattersOf(String run) throws Exception {
		Map<String, Long> matters = new HashMap<>();
		try (Connection connection = connect();
				PreparedStatement query = connection.prepareStatement("SELECT title, id FROM matter WHERE title LIKE ?")) {
			query.setString(1, SubmissionLoad.TITLE_PREFIX + run + "-%");
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Long earlier = matters.put(rows.getString(1).substring(SubmissionLoad.TITLE_PREFIX.length()),
							rows.getLong(2));
					assertThat(earlier).as("a second matter titled " + rows.getString(1)).isNull();
				}
			}
		}
		return matters;
	}

	private int count(String sql, String parameter) throws Exception {
		try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	/** Ends every session on the test's database but this one, the way a shutting-down server does. */
	private int terminateSessions() throws Exception {
		try (Connection connection = connect();
				PreparedStatement terminate = connection.prepareStatement("""
						SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
						 WHERE datname = ? AND pid <> pg_backend_pid()) AS ended""")) {
			terminate.setString(1, database);
			try (ResultSet rows = terminate.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private Connection connect() throws Exception {
		return DriverManager.getConnection(TestPostgres.url(database), TestPostgres.USER, TestPostgres.PASSWORD);
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static String[] concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
