package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

/** A database that cannot be reached is a 503 on Open311 too, in the spec's error list; anything else stays a 500. */
class Open311ErrorsTest {

	private final Open311Errors errors = new Open311Errors(new Documents(JsonMapper.builder().build()), messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/open311", "i18n/outage");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void noConnectionWithinTheTimeoutIsA503WithRetryAfter() {
		ResponseEntity<byte[]> answer = errors.unexpected(new CannotGetJdbcConnectionException("pool empty",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
				new MockHttpServletRequest("POST", "/open311/v2/requests.json"), Locale.CHINA);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).contains("\"code\":503", "数据库暂时无法连接");
	}

	@Test
	void anythingElseIsStillA500() {
		ResponseEntity<byte[]> answer = errors.unexpected(new IllegalStateException("bug"),
				new MockHttpServletRequest("POST", "/open311/v2/requests.json"), Locale.CHINA);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
	}

}
