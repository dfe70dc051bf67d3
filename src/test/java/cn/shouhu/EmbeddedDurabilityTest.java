package cn.shouhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (H2 file, WRITE_DELAY=0) keeps every acknowledged write when the JVM is killed with
 * SIGKILL in the middle of a stream of writes: a write the browser saw acknowledged is there after a restart.
 */
class EmbeddedDurabilityTest {

	static final String PASSWORD = "Shouhu@2026";

	@TempDir
	Path workDir;

	@Test
	void acknowledgedWritesSurviveKillMinus9() throws Exception {
		List<String> acknowledged = new CopyOnWriteArrayList<>();
		ShouhuProcess app = ShouhuProcess.start(workDir, "--shouhu.data-dir=" + workDir.resolve("data"),
				"--shouhu.demo.enabled=true");
		ExecutorService writer = Executors.newSingleThreadExecutor();
		try {
			StaffBrowser secadmin = new StaffBrowser(app.port());
			secadmin.signIn("secadmin", PASSWORD);
			secadmin.get("/accounts/new");
			writer.submit(() -> {
				for (int i = 0; i < 10_000; i++) {
					String username = "durable" + i;
					try {
						HttpResponse<String> response = secadmin.post("/accounts", Map.of("username", username, "badgeNo",
								"150420", "roles", "HANDLER", "initialPassword", "Dura#ble2026"));
						if (response.statusCode() == 302
								&& response.headers().firstValue("Location").orElse("").matches(".*/accounts/\\d+$")) {
							acknowledged.add(username);
						}
					}
					catch (RuntimeException connectionLost) {
						return;
					}
				}
			});
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}
		finally {
			app.kill();
			writer.shutdown();
			assertThat(writer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(acknowledged).as("acknowledged writes before the kill; log:%n%s", app.logTail())
			.hasSizeGreaterThanOrEqualTo(40);

		try (ShouhuProcess restarted = ShouhuProcess.start(workDir, "--shouhu.data-dir=" + workDir.resolve("data"),
				"--shouhu.demo.enabled=true")) {
			StaffBrowser secadmin = new StaffBrowser(restarted.port());
			secadmin.signIn("secadmin", PASSWORD);
			String list = secadmin.get("/accounts?q=durable&size=100").body()
					+ secadmin.get("/accounts?q=durable&size=100&page=1").body();
			for (String username : acknowledged) {
				assertThat(list).as("acknowledged account %s after kill -9", username).contains(">" + username + "<");
			}
		}
	}

}
