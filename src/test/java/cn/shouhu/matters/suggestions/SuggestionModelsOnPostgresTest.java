package cn.shouhu.matters.suggestions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/** Model versions on PostgreSQL, in a database of its own (the tests empty the model table). */
@PostgresTest
@SpringBootTest(properties = { SuggestionModelsContract.PROPERTIES_CORPUS, SuggestionModelsContract.PROPERTIES_MIN,
		SuggestionModelsContract.PROPERTIES_JOB_OFF })
class SuggestionModelsOnPostgresTest extends SuggestionModelsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.registerOwnDatabase(registry);
	}

}
