package cn.shouhu.failure;

import java.util.List;

import cn.shouhu.TestPostgres;

/** The command-line arguments that put a child application on a PostgreSQL database. */
final class FailureDatabases {

	private FailureDatabases() {
	}

	static List<String> postgresArguments(String jdbcUrl) {
		return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + TestPostgres.USER,
				"--spring.datasource.password=" + TestPostgres.PASSWORD);
	}

}
