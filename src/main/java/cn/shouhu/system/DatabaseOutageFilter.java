package cn.shouhu.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter: a database outage met before any controller runs (the session in the database, the
 * sign-in's account lookup) becomes the same 503 the exception handlers give, instead of the container's 500.
 * The page is plain HTML, as the layout itself needs the session that the outage took away.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final MessageSource messages;

	private final JsonMapper json;

	DatabaseOutageFilter(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
					e.getMessage());
			write(request, response);
		}
	}

	void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locale(request);
		String message = messages.getMessage("error.503.database", null, "error.503.database", locale);
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, message);
			problem.setInstance(URI.create(request.getRequestURI()));
			response.getWriter().write(json.writeValueAsString(problem));
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			String title = HtmlUtils.htmlEscape(messages.getMessage("error.503.title", null, "503", locale));
			response.getWriter()
				.write("<!DOCTYPE html>\n<html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"UTF-8\">"
						+ "<title>" + title + "</title><link rel=\"stylesheet\" href=\"/css/shouhu.css\"></head>"
						+ "<body><main class=\"container\"><h1>" + title + "</h1><p>" + HtmlUtils.htmlEscape(message)
						+ "</p></main></body></html>\n");
		}
		response.flushBuffer();
	}

	/** English when the language cookie or the Accept-Language header asks for it; Chinese otherwise. */
	private static Locale locale(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (WebConfiguration.LANGUAGE_COOKIE.equals(cookie.getName())) {
					return cookie.getValue().startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
				}
			}
		}
		String header = request.getHeader("Accept-Language");
		return header != null && header.startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

}
