package cn.shouhu.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.shouhu.BenchmarkProcess;
import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/**
 * Intake over HTTP on PostgreSQL. Not part of the normal run; start it with
 * <pre>SHOUHU_BENCHMARK=true ./mvnw -o test -Dtest=IntakeBenchmarkOnPostgres</pre>
 * Shouhu runs as a child JVM ({@code -Xmx512m}, profiles {@code postgres,benchmark}, the demo branch, a database of
 * its own); the {@link IntakeLoadClient} runs as a third process (this test JVM only starts both and prints what
 * the client prints). First the cost of HTTP Basic alone: 20 sequential {@code GET /api/v1/matters/1} with the
 * clerk's password (Argon2id on every request) against 20 of {@code GET /login}. Then the client's fixed rates
 * ({@code SHOUHU_BENCHMARK_RATES}, default {@code 50,100,200,400}, 30 s each) against the bare JDBC endpoint (the
 * ceiling) and against {@code SHOUHU_BENCHMARK_ENDPOINTS} (default {@code open311}; {@code api} pays an Argon2id password check per request). It asserts nothing.
 */
@PostgresTest
@EnabledIfEnvironmentVariable(named = "SHOUHU_BENCHMARK", matches = "true")
class IntakeBenchmarkOnPostgres {

	@Test
	void intakeAtFixedRates(@TempDir Path work) throws Exception {
		String database = TestPostgres.createDatabase();
		Path testClasses = Path.of(IntakeLoadClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path extra = copyEndpoint(testClasses, work.resolve("benchmark-endpoint"));
		Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "postgres,benchmark", "SHOUHU_DB_URL",
				TestPostgres.url(database), "SHOUHU_DB_USER", TestPostgres.USER, "SHOUHU_DB_PASSWORD",
				TestPostgres.PASSWORD, "SHOUHU_DEMO", "true", "SHOUHU_DATA_DIR", work.toString());
		List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
		// e.g. -XX:StartFlightRecording=filename=/tmp/intake.jfr,settings=profile to see where a rate's time goes
		jvm.addAll(List.of(System.getenv().getOrDefault("SHOUHU_BENCHMARK_JVM_OPTIONS", "").split(" ")).stream()
			.filter(option -> !option.isBlank()).toList());
		try (BenchmarkProcess app = BenchmarkProcess.start(work, jvm, env, extra)) {
			basicAuthenticationCost(app.baseUrl());
			String rates = System.getenv().getOrDefault("SHOUHU_BENCHMARK_RATES", "50,100,200,400");
			// The ceiling first, always; SHOUHU_BENCHMARK_ENDPOINTS=bare measures only the ceiling.
			Set<String> endpoints = new LinkedHashSet<>(List.of("bare"));
			endpoints.addAll(List.of(System.getenv().getOrDefault("SHOUHU_BENCHMARK_ENDPOINTS", "open311").split(",")));
			for (String endpoint : endpoints) {
				client(testClasses, app.baseUrl(), endpoint, rates);
			}
			JdbcTemplate jdbc = new JdbcTemplate(
					new DriverManagerDataSource(TestPostgres.url(database), TestPostgres.USER, TestPostgres.PASSWORD));
			System.out.printf("BENCHMARK intake: rows written: benchmark_intake %d, matter %d, audit_event %d;"
					+ " Shouhu still up: %s%n", jdbc.queryForObject("SELECT COUNT(*) FROM benchmark_intake", Long.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM matter", Long.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class), app.alive());
			Path kept = Path.of("target", "intake-benchmark-shouhu.log");
			Files.copy(app.log(), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			System.out.println("BENCHMARK intake: Shouhu's log kept in " + kept.toAbsolutePath());
		}
		finally {
			TestPostgres.dropDatabase(database);
		}
	}

	private static void basicAuthenticationCost(String baseUrl) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("clerk:Shouhu@2026".getBytes(StandardCharsets.UTF_8));
		HttpRequest api = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/matters/1"))
			.header("Authorization", basic)
			.build();
		HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build();
		double withBasic = medianMillis(client, api);
		double page = medianMillis(client, login);
		System.out.printf("BENCHMARK intake: HTTP Basic (Argon2id) GET /api/v1/matters/1 median %.1f ms; GET /login"
				+ " median %.1f ms (20 sequential each, after 5 warm-up)%n", withBasic, page);
	}

	private static double medianMillis(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
		for (int i = 0; i < 5; i++) {
			client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		double[] times = new double[20];
		for (int i = 0; i < times.length; i++) {
			long started = System.nanoTime();
			client.send(request, HttpResponse.BodyHandlers.discarding());
			times[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(times);
		return times[times.length / 2];
	}

	/** The load client as a process of its own, on this build's classes; its output goes to ours. */
	private static void client(Path testClasses, String baseUrl, String endpoint, String rates) throws Exception {
		String classpath = testClasses + File.pathSeparator + BenchmarkProcess.applicationClasspath();
		Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, IntakeLoadClient.class.getName(), "--url=" + baseUrl, "--endpoint=" + endpoint,
				"--rates=" + rates)
			.redirectErrorStream(true)
			.start();
		String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		client.waitFor();
		output.lines().filter(line -> line.startsWith("RESULT")).forEach(line -> System.out.println("BENCHMARK " + line));
		if (client.exitValue() != 0) {
			System.out.println("BENCHMARK intake client failed:\n" + output);
		}
	}

	/** Only the benchmark profile's endpoint, not the rest of the test classes (their configurations would load). */
	private static Path copyEndpoint(Path testClasses, Path target) throws IOException {
		Path source = testClasses.resolve("cn/shouhu/benchmark/endpoint");
		Path into = Files.createDirectories(target.resolve("cn/shouhu/benchmark/endpoint"));
		try (Stream<Path> classes = Files.list(source)) {
			for (Path file : classes.toList()) {
				Files.copy(file, into.resolve(file.getFileName()));
			}
		}
		return target;
	}

}
