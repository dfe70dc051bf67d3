package cn.shouhu.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import cn.shouhu.open311.Documents.Format;

import cn.shouhu.system.DatabaseOutage;

/**
 * Every failure under {@code /open311} as the spec's error list — {@code [{"code":400,"description":"…"}]} or
 * {@code <errors><error><code>400</code><description>…</description></error></errors>} — in the format the
 * resource asked for, never an HTML page. Anything unexpected is logged with an id the answer names; its message is
 * never echoed.
 */
@ControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

	private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

	private final Documents documents;

	private final MessageSource messages;

	Open311Errors(Documents documents, MessageSource messages) {
		this.documents = documents;
		this.messages = messages;
	}

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<byte[]> open311(Open311Exception e, HttpServletRequest request, Locale locale) {
		List<Map<String, Object>> errors = e.problems()
			.stream()
			.map(problem -> error(e.status(), messages.getMessage(problem.messageKey(), problem.args(),
					problem.messageKey(), locale)))
			.toList();
		return documents.render(formatOf(request), e.status(), "errors", errors);
	}

	/**
	 * Spring Security's firewall checks parameter names only when they are first read (here, while binding the
	 * form), so a name with control characters surfaces inside the controller: the caller's mistake, 400.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<byte[]> rejected(HttpServletRequest request, Locale locale) {
		return documents.render(formatOf(request), HttpStatus.BAD_REQUEST, "errors",
				List.of(error(HttpStatus.BAD_REQUEST, text("open311.error.badRequest", locale))));
	}

	/** The framework's own refusals (a body it cannot read, an unsupported content type …) keep their 4xx. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request, Locale locale) {
		if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
			String description = status == HttpStatus.NOT_FOUND ? text("open311.error.notFound", locale)
					: text("open311.error.badRequest", locale);
			return documents.render(formatOf(request), status, "errors", List.of(error(status, description)));
		}
		if (DatabaseOutage.causedBy(e)) {
			// As on every other path: the database cannot be reached (or no connection came within Hikari's timeout),
			// nothing was saved, and the same request later is safe.
			DatabaseOutage.logAnswered(log, e);
			ResponseEntity<byte[]> answer = documents.render(formatOf(request), HttpStatus.SERVICE_UNAVAILABLE,
					"errors",
					List.of(error(HttpStatus.SERVICE_UNAVAILABLE, text(DatabaseOutage.messageKey(e), locale))));
			return ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()))
				.body(answer.getBody());
		}
		String id = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected Open311 error {}", id, e);
		return documents.render(formatOf(request), HttpStatus.INTERNAL_SERVER_ERROR, "errors",
				List.of(error(HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage("open311.error.unexpected",
						new Object[] { id }, locale))));
	}

	static Format formatOf(HttpServletRequest request) {
		return request.getRequestURI().toLowerCase(Locale.ROOT).endsWith(".xml") ? Format.XML : Format.JSON;
	}

	private static Map<String, Object> error(HttpStatus status, String description) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", status.value());
		error.put("description", description);
		return error;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
