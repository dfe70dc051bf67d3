package cn.shouhu.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.UserFacingException;

/** The REST API's errors as RFC 9457 problem details, with the message in the caller's language. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandling {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandling.class);

	private final MessageSource messages;

	ApiExceptionHandling(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, message(e));
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, message(e));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleVersion() {
		return problem(HttpStatus.CONFLICT, text("error.optimisticLock"));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, message(e));
		if (e.field() != null) {
			problem.setProperty("field", e.field());
		}
		return problem;
	}

	/** Bean Validation of a request body: 422 naming the first field, with every field's message in {@code errors}. */
	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException e) {
		List<Map<String, String>> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message",
					messages.getMessage(error, LocaleContextHolder.getLocale())))
			.toList();
		String detail = errors.isEmpty() ? text("error.422") : errors.get(0).get("message");
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("field", errors.get(0).get("field"));
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/** A body that is not JSON of the expected shape: the caller's mistake, 400. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable() {
		return problem(HttpStatus.BAD_REQUEST, text("error.body.unreadable"));
	}

	/** A parameter of the wrong type: 400 naming it. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.parameter.invalid", e.getName()));
		problem.setProperty("field", e.getName());
		return problem;
	}

	/**
	 * The database cannot be reached: 503 at once (Hikari gives up on a connection after 1 s), with Retry-After;
	 * the request's transaction did not commit, so the same request later is safe.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
		DatabaseOutage.logAnswered(log, e);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, text(DatabaseOutage.messageKey(e))));
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	void denied(RuntimeException e) {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (e instanceof ErrorResponse response) {
			return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
		}
		if (DatabaseOutage.causedBy(e)) {
			return databaseUnavailable(e);
		}
		String id = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error {}", id, e);
		return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.500", id)));
	}

	private ProblemDetail problem(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	private String message(UserFacingException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
