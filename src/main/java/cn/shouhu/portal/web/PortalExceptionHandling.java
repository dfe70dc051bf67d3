package cn.shouhu.portal.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import cn.shouhu.portal.RateLimitedException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A rate limit, from whichever controller applies one (submitting here, looking up on the tracking pages): the
 * portal's 429 page saying when to try again, and the same in {@code Retry-After}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalExceptionHandling {

	@ExceptionHandler(RateLimitedException.class)
	ModelAndView rateLimited(RateLimitedException e, HttpServletResponse response) {
		long seconds = e.retryAfterSeconds();
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		ModelAndView page = new ModelAndView("portal/too-many");
		page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
		page.addObject("retryMinutes", Math.max(1, (seconds + 59) / 60));
		return page;
	}

}
