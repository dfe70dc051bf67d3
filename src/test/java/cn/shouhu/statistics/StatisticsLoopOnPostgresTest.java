package cn.shouhu.statistics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/**
 * The loop, scope, overdue, redelivery and rebuild tests on PostgreSQL, as in production.
 */
@PostgresTest
class StatisticsLoopOnPostgresTest extends StatisticsLoopTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String database = TestPostgres.createDatabase();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> TestPostgres.dropDatabase(database)));
		registry.add("spring.datasource.url", () -> TestPostgres.url(database));
		registry.add("spring.datasource.username", () -> TestPostgres.USER);
		registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
	}

}
