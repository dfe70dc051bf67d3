package cn.shouhu;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The database contract on PostgreSQL, in a database of this test run's own. */
@PostgresTest
class PostgresDatabaseTest extends DatabaseContractTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

}
