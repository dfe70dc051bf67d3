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
		TestPostgres.registerOwnDatabase(registry);
	}

}
