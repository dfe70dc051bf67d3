package cn.shouhu;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Shouhu as a separate JVM, started from this build's classes and dependencies (without the test classes), so
 * a test can kill it with {@code kill -9} and start it again on the same data.
 */
public final class ShouhuProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ShouhuProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts Shouhu with these extra arguments and waits until it serves its login page. */
	public static ShouhuProcess start(Path workDir, String... args) throws IOException, InterruptedException {
		int port = freePort();
		Path log = Files.createTempFile(workDir, "shouhu-", ".log");
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-Dfile.encoding=UTF-8", "-cp", applicationClasspath(), ShouhuApplication.class.getName(),
				"--server.port=" + port, "--logging.level.root=WARN", "--logging.level.cn.shouhu=INFO"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("SHOUHU_"));
		ShouhuProcess app = new ShouhuProcess(builder.start(), port, log);
		app.awaitReady(Duration.ofMinutes(3));
		return app;
	}

	public int port() {
		return port;
	}

	/** SIGKILL: the JVM gets no chance to flush or close anything. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** How many lines of this process's log contain the text. */
	public long logLinesContaining(String text) throws IOException {
		try (var lines = Files.lines(log)) {
			return lines.filter(line -> line.contains(text)).count();
		}
	}

	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			// Worth knowing when a test reads the data afterwards: this is a second, unplanned kill.
			System.out.println("ShouhuProcess on port " + port + " did not stop within 30 s of SIGTERM: killed");
			kill();
		}
	}

	private void awaitReady(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Shouhu exited with " + process.exitValue() + ":\n" + logTail());
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// Not listening yet.
			}
			Thread.sleep(500);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Shouhu did not start within " + timeout + ":\n" + logTail());
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** This JVM's class path without the test classes; Surefire's manifest-only jar is unfolded. */
	static String applicationClasspath() throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
				try (JarFile jar = new JarFile(entry)) {
					String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
					Stream.of(manifestPath.trim().split("\\s+"))
						.map(url -> Path.of(URI.create(url)).toString())
						.forEach(entries::add);
				}
			}
			else {
				entries.add(entry);
			}
		}
		entries.removeIf(entry -> entry.replace('\\', '/').contains("/test-classes"));
		return String.join(File.pathSeparator, entries);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
