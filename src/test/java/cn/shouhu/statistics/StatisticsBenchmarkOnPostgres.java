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
		TestPostgres.registerOwnDatabase(registry);
	}

}
