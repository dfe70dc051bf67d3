package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import cn.shouhu.matters.Identifiers;

/**
 * Fuzzes the reading of a POST's fields alone (fast, no Spring): it either yields a submission whose phone is a valid
 * mobile number (or none, when anonymous) and that has a place, or refuses with a 400 error list — never another
 * exception. {@code JAZZER_FUZZ=1 ./mvnw -o test -Dtest=SubmissionFuzzTest} fuzzes for real.
 */
class SubmissionFuzzTest {

	private static final List<String> FIELDS = List.of("service_code", "attribute[kind]", "attribute[anonymous]",
			"attribute[title]", "lat", "long", "address_string", "address_id", "email", "first_name", "last_name",
			"phone", "description", "media_url", "device_id", "account_id");

	@FuzzTest(maxDuration = "1m")
	void parsingEitherYieldsACheckedSubmissionOrA400(FuzzedDataProvider data) {
		Map<String, List<String>> form = new HashMap<>();
		int fields = data.consumeInt(0, 20);
		for (int i = 0; i < fields; i++) {
			String name = data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(20);
			List<String> values = new ArrayList<>();
			values.add(data.consumeBoolean() ? null : data.consumeString(200));
			form.put(name, values);
		}
		try {
			Submission submission = Submission.parse(form);
			assertThat(submission.kind()).isNotNull();
			assertThat(submission.description()).isNotBlank();
			assertThat(submission.title()).isNotBlank();
			if (!submission.anonymous()) {
				assertThat(Identifiers.isMobilePhone(submission.submitter().phone())).isTrue();
			}
			assertThat(submission.place()).isNotNull();
		}
		catch (Open311Exception e) {
			assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(e.problems()).isNotEmpty();
		}
	}

}
