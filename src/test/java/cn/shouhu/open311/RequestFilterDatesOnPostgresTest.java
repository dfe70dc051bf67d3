package cn.shouhu.open311;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/** The same on PostgreSQL, whose timestamps end at 4713 BC and 294276 AD: where the 500s came from. */
@PostgresTest
class RequestFilterDatesOnPostgresTest extends RequestFilterDatesTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

}
