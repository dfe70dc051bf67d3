package cn.shouhu.statistics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/**
 * The roll-ups' redelivery and concurrency tests on PostgreSQL, whose locking differs from H2's (ON CONFLICT DO
 * NOTHING waits for a concurrent insert of the same key, then skips).
 */
@PostgresTest
class StatisticsOnPostgresTest extends DailyRollupsTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String database = TestPostgres.createDatabase();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> TestPostgres.dropDatabase(database)));
		registry.add("spring.datasource.url", () -> TestPostgres.url(database));
		registry.add("spring.datasource.username", () -> TestPostgres.USER);
		registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
	}

}
