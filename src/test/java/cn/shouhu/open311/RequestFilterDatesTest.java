package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * GET requests with a start_date or end_date far outside the years anything was filed in, or an id list without ids:
 * a 400 in the spec's error list with a message the app can show. On PostgreSQL a year such as -5000 or +294277 used
 * to reach the database and come back as "timestamp out of range", a 500; H2 stores such years and hid it
 * ({@link RequestFilterDatesOnPostgresTest} runs the same tests there).
 */
class RequestFilterDatesTest extends Open311TestSupport {

	private static final List<String> OUT_OF_RANGE = List.of("-5000-01-01T00:00:00Z", "+100000-01-01T00:00:00Z",
			"+294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1899-12-31T23:59:59+08:00",
			"+10000-01-01T00:00:00Z");

	@Test
	void aYearOutsideTheRangeIsA400NamingTheRange() throws Exception {
		String key = newKey();
		for (String date : OUT_OF_RANGE) {
			for (String name : List.of("start_date", "end_date")) {
				MvcResult result = get("/requests.json", "api_key", key, name, date);
				assertThat(result.getResponse().getStatus()).as("%s=%s → %s", name, date, body(result)).isEqualTo(400);
				assertThat(valid(result, "errors").get(0).get("description").asText())
					.isEqualTo(name + "：年份须在 1900 到 9999 之间。");
			}
		}
		MvcResult xml = get("/requests.xml", "api_key", key, "start_date", "-5000-01-01T00:00:00Z");
		assertThat(xml.getResponse().getStatus()).isEqualTo(400);
		assertThat(xpath(xml(xml), "/errors/error/description")).isEqualTo("start_date：年份须在 1900 到 9999 之间。");
	}

	@Test
	void theFirstAndLastYearsAreStillSearched() throws Exception {
		String key = newKey();
		// Year 9999 as written, though year 10000 in UTC, and the 90 days before 1900: both databases store them.
		for (String[] filter : List.of(new String[] { "end_date", "9999-12-31T23:59:59-18:00" },
				new String[] { "start_date", "9999-12-31T23:59:59-18:00" },
				new String[] { "end_date", "1900-01-01T00:00:00+18:00" })) {
			MvcResult result = get("/requests.json", "api_key", key, filter[0], filter[1]);
			assertThat(result.getResponse().getStatus()).as("%s=%s → %s", filter[0], filter[1], body(result))
				.isEqualTo(200);
			assertThat(valid(result, "requests")).isEmpty();
		}
	}

	@Test
	void anIdListWithoutIdsIsA400() throws Exception {
		String key = newKey();
		// "," used to leave neither ids nor a time window, and the reader failed on the missing window (a 500).
		for (String ids : List.of(",", " , ", "0", "-7")) {
			MvcResult result = get("/requests.json", "api_key", key, "service_request_id", ids);
			assertThat(result.getResponse().getStatus()).as("service_request_id=%s → %s", ids, body(result))
				.isEqualTo(400);
			assertThat(valid(result, "errors").get(0).get("description").asText()).startsWith("service_request_id：");
		}
	}

}
