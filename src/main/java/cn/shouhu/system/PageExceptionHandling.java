package cn.shouhu.system;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.UserFacingException;

/**
 * Turns what went wrong behind a page into a page in the user's language. Domain exceptions carry a message
 * key; anything unexpected is logged with an id that the page shows, and its message is never echoed.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandling {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandling.class);

	private final MessageSource messages;

	PageExceptionHandling(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException e) {
		return page(HttpStatus.NOT_FOUND, message(e));
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException e) {
		return page(HttpStatus.CONFLICT, message(e));
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException e) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT, message(e));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView staleVersion() {
		return page(HttpStatus.CONFLICT, text("error.optimisticLock"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return page(HttpStatus.CONTENT_TOO_LARGE, text("error.413"));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView noResource() {
		return page(HttpStatus.NOT_FOUND, text("error.404"));
	}

	/** The database cannot be reached: 503 at once, with Retry-After, and a message that says to try again. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class })
	ModelAndView databaseUnavailable(Exception e, HttpServletResponse response) {
		DatabaseOutage.logAnswered(log, e);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()));
		return page(HttpStatus.SERVICE_UNAVAILABLE, text(DatabaseOutage.messageKey(e)));
	}

	/** Let Spring Security's access-denied handling (and its audit record) take these. */
	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	void denied(RuntimeException e) {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletResponse response) throws Exception {
		if (DatabaseOutage.causedBy(e)) {
			return databaseUnavailable(e, response);
		}
		if (e instanceof org.springframework.web.ErrorResponse) {
			// Framework exceptions that already know their status (400, 405, 415 …) keep it.
			HttpStatus status = HttpStatus.resolve(((org.springframework.web.ErrorResponse) e).getStatusCode().value());
			if (status != null && status.is4xxClientError()) {
				return page(status, text("error." + status.value(), text("error.400")));
			}
		}
		String id = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error {}", id, e);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, text("error.500", id));
	}

	private ModelAndView page(HttpStatus status, String message) {
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("message", message);
		return mav;
	}

	private String message(UserFacingException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private String text(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

}
