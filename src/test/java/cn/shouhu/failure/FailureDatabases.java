package cn.shouhu.failure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import cn.shouhu.TestPostgres;

/** What the failure tests share: the arguments for PostgreSQL, and the child applications' logs. */
final class FailureDatabases {

	private FailureDatabases() {
	}

	static List<String> postgresArguments(String jdbcUrl) {
		return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + TestPostgres.USER,
				"--spring.datasource.password=" + TestPostgres.PASSWORD);
	}

	/** Copies an embedded database's files ({@code data/} in the work directory), if any, beside the logs. */
	static void keepDatabase(Path workDir, Class<?> test) throws IOException {
		Path data = workDir.resolve("data");
		if (!Files.isDirectory(data)) {
			return;
		}
		Path target = Path.of("target", "failure-tests", test.getSimpleName(), "data");
		Files.createDirectories(target);
		try (Stream<Path> files = Files.list(data)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** Copies the child applications' logs to {@code target/failure-tests/<test>/}, to read after a failure. */
	static void keepLogs(Path workDir, Class<?> test) throws IOException {
		Path target = Path.of("target", "failure-tests", test.getSimpleName());
		Files.createDirectories(target);
		try (Stream<Path> logs = Files.list(workDir)) {
			for (Path log : logs.filter(file -> file.getFileName().toString().endsWith(".log")).toList()) {
				Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

}
