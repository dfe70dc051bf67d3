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
		TestPostgres.registerOwnDatabase(registry);
	}

}
