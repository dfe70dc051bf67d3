package cn.shouhu;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shouhu as a child JVM for the benchmarks: like {@link ShouhuProcess}, but with the JVM options and environment
 * the benchmark chooses (no test tuning such as {@code -XX:TieredStopAtLevel=1}), the time from process start to
 * the first 200 of {@code /login} measured to 20 ms, the heap read with {@code jcmd}, and an optional directory
 * of extra classes (the {@code benchmark} profile's endpoint).
 */
public final class BenchmarkProcess implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private final Process process;

	private final int port;

	private final Path log;

	private final long readyMillis;

	private BenchmarkProcess(Process process, int port, Path log, long readyMillis) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.readyMillis = readyMillis;
	}

	/**
	 * Starts Shouhu and waits until {@code /login} answers 200. The environment keeps only PATH and HOME plus
	 * {@code env}, so the caller decides every SHOUHU_ setting.
	 */
	public static BenchmarkProcess start(Path workDir, List<String> jvmOptions, Map<String, String> env,
			Path extraClasses, String... args) throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile(workDir, "shouhu-", ".log");
		String classpath = ShouhuProcess.applicationClasspath()
				+ (extraClasses == null ? "" : java.io.File.pathSeparator + extraClasses);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classpath, ShouhuApplication.class.getName(),
				"--server.port=" + port, "--logging.level.root=WARN", "--logging.level.cn.shouhu=INFO"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
		builder.environment().putAll(env);
		long started = System.nanoTime();
		Process process = builder.start();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = started + TimeUnit.MINUTES.toNanos(15);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Shouhu exited with " + process.exitValue() + ":\n" + tail(log));
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return new BenchmarkProcess(process, port, log, (System.nanoTime() - started) / 1_000_000);
				}
			}
			catch (IOException e) {
				// Not listening yet.
			}
			Thread.sleep(20);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Shouhu did not start within 15 minutes:\n" + tail(log));
	}

	/** The application's class path, without the test classes (as {@link ShouhuProcess} starts it). */
	public static String applicationClasspath() throws IOException {
		return ShouhuProcess.applicationClasspath();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public long pid() {
		return process.pid();
	}

	/** Milliseconds from the process start to the first 200 of /login. */
	public long readyMillis() {
		return readyMillis;
	}

	public boolean alive() {
		return process.isAlive();
	}

	public Path log() {
		return log;
	}

	/** Runs a full GC in the child ({@code jcmd GC.run}), then returns the used heap in KB as GC.heap_info says. */
	public long heapUsedAfterFullGcKb() throws IOException, InterruptedException {
		jcmd("GC.run");
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("No heap figures from jcmd");
		}
		return Long.parseLong(used.group(2));
	}

	public String jcmd(String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid()), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		jcmd.waitFor();
		return output;
	}

	public static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor();
		}
	}

	/** A signed-in browser session: form login with the CSRF token, then GETs. */
	public static final class Session {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final String baseUrl;

		public Session(String baseUrl, String username, String password) throws IOException, InterruptedException {
			this.baseUrl = baseUrl;
			HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(page.body());
			if (!csrf.find()) {
				throw new IllegalStateException("No CSRF token on the login page");
			}
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
			String location = login.headers().firstValue("Location").orElse("");
			if (login.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException("Sign-in as " + username + " failed: " + login.statusCode() + " "
						+ location);
			}
		}

		/** GETs the path; returns the status. */
		public int get(String path) throws IOException, InterruptedException {
			return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}

	}

}
