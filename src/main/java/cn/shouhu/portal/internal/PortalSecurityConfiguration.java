package cn.shouhu.portal.internal;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public portal's own filter chain, ahead of the staff chain: every {@code /portal/**} page is open to
 * anybody (except the staff's catalogue page, left to the staff chain), and an anonymous visitor to {@code /}
 * is sent to the portal.
 * <p>
 * CSRF stays on, with the token in a cookie ({@code HttpOnly}, path {@code /portal}, SameSite=Lax) compared with
 * the form's hidden field, so that reading a form creates no server session for a visitor. The one session the
 * portal does create is for the receipt after a submission (a flash attribute, shown once), in the shared JDBC
 * session store, so any node can show it. The security headers and the Content-Security-Policy are the staff
 * chain's ({@code cn.shouhu.accounts.SecurityConfiguration}); a test compares the two.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

	/** Kept equal to the staff chain's policy: scripts and styles only from Shouhu itself, nothing inline. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The staff page that edits the catalogue lives under /portal but needs a signed-in administrator. */
	static final String STAFF_PAGES = "/portal/catalogue/admin/**";

	/**
	 * Before the staff chain ({@code @Order(2)}), beside the API chain ({@code @Order(1)}), whose paths it does not
	 * share.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain portalSecurity(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher portal = new AndRequestMatcher(paths.matcher("/portal/**"),
				new NegatedRequestMatcher(paths.matcher(STAFF_PAGES)));
		RequestMatcher anonymousRoot = new AndRequestMatcher(paths.matcher("/"), PortalSecurityConfiguration::anonymous);
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName("SHOUHU-PORTAL-XSRF");
		csrfTokens.setCookiePath("/portal");
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		http.securityMatcher(new OrRequestMatcher(portal, anonymousRoot))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self), payment=()")))
			// Before the CSRF filter: an upload over the limits is answered with the friendly 413 page rather than
			// a 403 for a token Tomcat never got to read.
			.addFilterBefore(new UploadLimitFilter(), CsrfFilter.class)
			.addFilterBefore(new RootToPortalFilter(), CsrfFilter.class);
		return http.build();
	}

	/**
	 * Nobody signed in, and not a staff member whose session has just ended (a session cookie naming a session
	 * that is gone): they are sent to the sign-in page as before, to sign in again.
	 */
	private static boolean anonymous(HttpServletRequest request) {
		if (new HttpSessionSecurityContextRepository().containsContext(request)) {
			return false;
		}
		return request.getRequestedSessionId() == null || request.isRequestedSessionIdValid();
	}

	/** The staff home stays at {@code /} for the signed-in; the public land on the portal. */
	private static final class RootToPortalFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("/".equals(request.getServletPath()) && request.getPathInfo() == null) {
				response.sendRedirect(request.getContextPath() + "/portal");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
