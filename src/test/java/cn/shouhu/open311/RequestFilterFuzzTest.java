package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the query of {@code GET requests} alone (fast, no Spring): it either yields a filter the reader can run on
 * PostgreSQL and H2 alike — positive ids, or a time window of at most 90 days whose ends PostgreSQL can store — or
 * refuses with a 400 whose every problem has a message. Anything else would reach the client as a 500. In a normal
 * build it replays the stored inputs ({@code src/test/resources/cn/shouhu/open311/RequestFilterFuzzTestInputs});
 * {@code JAZZER_FUZZ=1 ./mvnw -o test -Dtest=RequestFilterFuzzTest} fuzzes for real.
 */
class RequestFilterFuzzTest {

	private static final List<String> NAMES = List.of("service_request_id", "service_code", "start_date", "end_date",
			"status", "api_key");

	/** Values that pass each check, for the fuzzer to start from and mix. */
	private static final List<String> GOOD = List.of("1", "17,42", "open", "closed", "open,closed", "EMERGENCY",
			"EMERGENCY,PUBLIC_ORDER", "2026-11-29T08:30:00+08:00", "2026-09-01T00:00:00Z", "");

	/** PostgreSQL's timestamps run from 4713 BC to 294276 AD; H2's are wider. */
	private static final Instant STORABLE_FROM = Instant.parse("-4713-11-24T00:00:00Z");

	private static final Instant STORABLE_UNTIL = Instant.parse("+294276-12-31T23:59:59Z");

	/** The reader widens the window by a minute each side (see {@code Open311Requests#filedBy}). */
	private static final Duration READER_MARGIN = Duration.ofMinutes(1);

	/** The server's clock, fixed: the window without dates is "the last 90 days" from it. */
	private static final Instant NOW = Instant.parse("2026-11-29T00:30:00Z");

	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("i18n/open311", Locale.ROOT);

	@FuzzTest(maxDuration = "1m")
	void anyQueryIsAFilterTheDatabaseCanRunOrA400(FuzzedDataProvider data) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		int count = data.consumeInt(0, 8);
		for (int i = 0; i < count; i++) {
			String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20);
			String value = switch (data.consumeInt(0, 3)) {
				case 0 -> data.pickValue(GOOD);
				case 1 -> date(data);
				case 2 -> null;
				default -> data.consumeString(100);
			};
			params.add(name, value);
		}
		RequestFilter filter;
		try {
			filter = RequestFilter.parse(params, NOW);
		}
		catch (Open311Exception e) {
			assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertThat(
					new MessageFormat(MESSAGES.getString(problem.messageKey()), Locale.CHINA).format(problem.args()))
				.isNotBlank());
			return;
		}
		assertThat(filter.serviceCodes()).doesNotHaveDuplicates()
			.allSatisfy(code -> assertThat(code).isNotBlank().isEqualTo(code.strip()).doesNotContain(","));
		if (!filter.ids().isEmpty()) {
			assertThat(filter.ids()).as("ids, for %s", params)
				.hasSizeLessThanOrEqualTo(RequestFilter.MAX_RESULTS)
				.doesNotHaveDuplicates()
				.allSatisfy(id -> assertThat(id).isPositive());
			return;
		}
		// Without ids the reader searches by time: the window must be there, valid and storable.
		assertThat(filter.from()).as("from, for %s", params).isNotNull();
		assertThat(filter.to()).as("to, for %s", params).isNotNull();
		assertThat(filter.from()).isBefore(filter.to());
		assertThat(Duration.between(filter.from(), filter.to()))
			.isLessThanOrEqualTo(RequestFilter.MAX_SPAN.plusNanos(1000));
		assertThat(filter.from().minus(READER_MARGIN)).as("from, for %s", params).isAfterOrEqualTo(STORABLE_FROM);
		assertThat(filter.to().plus(READER_MARGIN)).as("to, for %s", params).isBeforeOrEqualTo(STORABLE_UNTIL);
	}

	/** A well-formed date-time, so the fuzzer does not have to find ISO 8601 by chance; any year Java allows. */
	private static String date(FuzzedDataProvider data) {
		int year = data.consumeBoolean() ? data.consumeInt(1800, 10100) : data.consumeInt(Year.MIN_VALUE, Year.MAX_VALUE);
		return OffsetDateTime.of(year, data.consumeInt(1, 12), data.consumeInt(1, 28), data.consumeInt(0, 23),
				data.consumeInt(0, 59), data.consumeInt(0, 59), data.consumeInt(0, 999_999_999),
				ZoneOffset.ofTotalSeconds(data.consumeInt(-18 * 3600, 18 * 3600)))
			.toString();
	}

}
