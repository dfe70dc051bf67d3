package cn.shouhu.matters.deadlines;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/** Two pollers on one PostgreSQL database, as two application nodes would run in production. */
@PostgresTest
class TwoNodesOnPostgresTest extends TwoNodesContract {

	/** A database of its own, migrated by Flyway at start-up. */
	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String database = TestPostgres.createDatabase();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> TestPostgres.dropDatabase(database)));
		registry.add("spring.datasource.url", () -> TestPostgres.url(database));
		registry.add("spring.datasource.username", () -> TestPostgres.USER);
		registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
	}

}
