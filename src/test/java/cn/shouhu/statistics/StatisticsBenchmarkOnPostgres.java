package cn.shouhu.statistics;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/**
 * {@link StatisticsBenchmark} on PostgreSQL:
 * <pre>SHOUHU_BENCHMARK=true ./mvnw -o test -Dtest=StatisticsBenchmarkOnPostgres</pre>
 */
@PostgresTest
@EnabledIfEnvironmentVariable(named = "SHOUHU_BENCHMARK", matches = "true")
class StatisticsBenchmarkOnPostgres extends StatisticsBenchmark {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String database = TestPostgres.createDatabase();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> TestPostgres.dropDatabase(database)));
		registry.add("spring.datasource.url", () -> TestPostgres.url(database));
		registry.add("spring.datasource.username", () -> TestPostgres.USER);
		registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
	}

}
