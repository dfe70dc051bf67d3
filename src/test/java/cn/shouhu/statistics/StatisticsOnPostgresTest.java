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
		TestPostgres.registerOwnDatabase(registry);
	}

}
