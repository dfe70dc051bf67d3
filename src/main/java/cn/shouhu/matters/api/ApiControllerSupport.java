package cn.shouhu.matters.api;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What the shared API error handling does not render for these controllers: Bean Validation failures (422 with
 * the first field and every field's message, in the caller's language) and bodies or parameters that cannot be
 * read at all (400). Handlers on the controller win over the shared advice.
 */
abstract class ApiControllerSupport {

	private final MessageSource messages;

	ApiControllerSupport(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		List<Map<String, String>> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", message(error)))
			.toList();
		String detail = errors.isEmpty() ? text("error.422") : errors.get(0).get("message");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("field", errors.get(0).get("field"));
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("matters-api.body.unreadable"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				text("matters-api.parameter.invalid", e.getName()));
		problem.setProperty("field", e.getName());
		return problem;
	}

	private String message(FieldError error) {
		return messages.getMessage(error, LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
