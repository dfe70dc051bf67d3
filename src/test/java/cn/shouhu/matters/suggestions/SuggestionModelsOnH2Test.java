package cn.shouhu.matters.suggestions;

import org.springframework.boot.test.context.SpringBootTest;

/** Model versions on the embedded database (H2 in PostgreSQL mode). */
@SpringBootTest(properties = { "shouhu.test.context=suggestion-models", SuggestionModelsContract.PROPERTIES_CORPUS,
		SuggestionModelsContract.PROPERTIES_MIN, SuggestionModelsContract.PROPERTIES_JOB_OFF })
class SuggestionModelsOnH2Test extends SuggestionModelsContract {

}
