package cn.shouhu;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test that needs PostgreSQL: skipped with a message when no server is reachable, unless
 * SHOUHU_REQUIRE_POSTGRES=true, when it runs (and fails for want of the server). Spring tests also call
 * {@link TestPostgres#register} from a {@code @DynamicPropertySource} method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresTest.Condition.class)
public @interface PostgresTest {

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (TestPostgres.required()) {
				return ConditionEvaluationResult.enabled("PostgreSQL required (SHOUHU_REQUIRE_POSTGRES=true)");
			}
			if (TestPostgres.reachable()) {
				return ConditionEvaluationResult.enabled("PostgreSQL reachable");
			}
			return ConditionEvaluationResult.disabled("Skipped: no PostgreSQL at " + TestPostgres.HOST + ":"
					+ TestPostgres.PORT + " (set SHOUHU_TEST_PG_HOST/PORT/USER/PASSWORD, or SHOUHU_REQUIRE_POSTGRES=true"
					+ " to make this a failure)");
		}

	}

}
