package cn.shouhu.portal.internal;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public portal's own filter chain, ahead of the staff chain: every {@code /portal/**} page is open to
 * anybody (except the staff's catalogue page, left to the staff chain). An anonymous visitor to {@code /} is sent
 * to the portal rather than to the staff sign-in page.
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
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName("SHOUHU-PORTAL-XSRF");
		csrfTokens.setCookiePath("/portal");
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		http.securityMatcher(new AndRequestMatcher(paths.matcher("/portal/**"),
				new NegatedRequestMatcher(paths.matcher(STAFF_PAGES))))
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
			.addFilterBefore(new UploadLimitFilter(), CsrfFilter.class);
		return http.build();
	}

	/**
	 * Sends a visitor of {@code /} who is not signed in to the portal rather than the staff sign-in page. Spring
	 * Security applies a {@code Customizer<HttpSecurity>} bean to every chain; the filter acts only on {@code /},
	 * which only the staff chain serves, after the signed-in staff member (if any) has been loaded.
	 */
	@Bean
	Customizer<HttpSecurity> anonymousRootGoesToThePortal() {
		return http -> http.addFilterBefore(new RootToPortalFilter(), AuthorizationFilter.class);
	}

	/**
	 * Staff keep their home at {@code /}. A browser that names a session which has ended (a staff member signed
	 * out by a timeout or an administrator) is left to the staff chain, which asks them to sign in again.
	 */
	static final class RootToPortalFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if ("/".equals(path) && !signedIn() && !sessionEnded(request)) {
				response.sendRedirect(request.getContextPath() + "/portal");
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean signedIn() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken);
		}

		private static boolean sessionEnded(HttpServletRequest request) {
			return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
		}

	}

}
