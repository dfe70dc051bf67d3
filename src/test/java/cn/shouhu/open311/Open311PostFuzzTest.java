package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.MvcResult;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@code POST /open311/v2/requests.json}: whatever the fields, the answer is never a 5xx, and either exactly one
 * matter (with its Open311 row) was filed and the answer is 200, or nothing at all was written. In a normal build it
 * runs the stored inputs only ({@code src/test/resources/cn/shouhu/open311/Open311PostFuzzTestInputs}); to fuzz for
 * real: {@code JAZZER_FUZZ=1 ./mvnw -o test -Dtest=Open311PostFuzzTest} (stops after {@code maxDuration}).
 */
class Open311PostFuzzTest extends Open311TestSupport {

	/** The spec's fields and our attributes, so the fuzzer reaches past the "required" checks. */
	private static final List<String> FIELDS = List.of("service_code", "attribute[kind]", "attribute[anonymous]",
			"attribute[title]", "attribute[community]", "attribute[enterprise_name]", "attribute[credit_code]", "lat",
			"long", "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name",
			"phone", "description", "media_url", "jurisdiction_id");

	/** Values that pass each check, for the fuzzer to start from and mix. */
	private static final List<String> GOOD = List.of("EMERGENCY", "HELP", "TIP_OFF", "true", "false", "40.65",
			"109.84", "13847215678", "+86 138-4721-5678", "沼潭社区", "https://app.example.cn/p.jpg", "王", "ENTERPRISE",
			"91150203MA0N2XYZ3B", "a@b.cn", "NaN", "1e400", "-0", "");

	private String key;

	@FuzzTest(maxDuration = "2m")
	void aPostFilesOneMatterOrNothingAndNeverFails(FuzzedDataProvider data) throws Exception {
		if (key == null) {
			key = newKey();
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("api_key", data.consumeBoolean() ? key : data.consumeString(60));
		int fields = data.consumeInt(0, FIELDS.size() + 2);
		for (int i = 0; i < fields; i++) {
			String name = data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(30);
			String value = data.consumeBoolean() ? data.pickValue(GOOD) : data.consumeString(300);
			form.put(name, value);
		}
		if (data.consumeBoolean()) {
			form.put("description", data.consumeRemainingAsString());
		}
		long matters = matters();
		long rows = open311Rows();
		MvcResult result = call(postForm("json", form));
		int status = result.getResponse().getStatus();
		assertThat(status).as("%s → %s", form, body(result)).isLessThan(500);
		if (status == 200) {
			assertThat(matters()).isEqualTo(matters + 1);
			assertThat(open311Rows()).isEqualTo(rows + 1);
		}
		else {
			assertThat(status).isIn(400, 403, 404);
			assertThat(matters()).isEqualTo(matters);
			assertThat(open311Rows()).isEqualTo(rows);
		}
	}

}
