package cn.shouhu.portal.internal;

import java.io.IOException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Parses a portal upload before Spring Security's CSRF filter looks for the token in it. When Tomcat stops
 * parsing (a file over {@code spring.servlet.multipart.max-file-size}, a request over {@code max-request-size},
 * too many parts), the token is never read and the CSRF filter would answer 403 "forbidden"; here the visitor
 * gets 413 and the portal's page that says what the limits are. A body that is not multipart at all gets 400.
 * <p>
 * Tomcat reads and discards the rest of a refused body up to {@code server.tomcat.max-swallow-size} so that the
 * browser sees the answer instead of a reset connection; that setting is raised above the request limit.
 */
final class UploadLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UploadLimitFilter.class);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IllegalStateException | IOException | ServletException e) {
			boolean tooLarge = isSizeLimit(e);
			log.info("Portal upload refused ({}): {}", tooLarge ? "too large" : "malformed", e.getClass().getSimpleName());
			// The error page is rendered by a dispatch of this same multipart request to /error; with the failure
			// recorded as a MultipartException, the DispatcherServlet does not try to parse it again (and fail into
			// the staff error page) but lets the portal's error page render.
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
					tooLarge ? new MaxUploadSizeExceededException(-1, e) : new MultipartException("malformed upload", e));
			response.sendError(tooLarge ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Tomcat reports a limit as an IllegalStateException wrapping FileUpload's size or count exception; their
	 * names and messages say "exceed" (the same test Spring's multipart resolver makes).
	 */
	static boolean isSizeLimit(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
			if (name.contains("LimitExceeded") || message.contains("exceed")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
