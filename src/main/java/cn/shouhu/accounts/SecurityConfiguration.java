package cn.shouhu.accounts;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may do what over HTTP. Staff pages need a signed-in account; every state-changing request needs the
 * CSRF token (htmx sends it as a header); responses carry a Content-Security-Policy that allows no inline
 * script. Finer rules are {@code @PreAuthorize} on the controllers plus data scope in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Scripts and styles only from Shouhu itself; nothing inline, no frames, no plugins. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The staff REST API ({@code /api/**}, with its OpenAPI description) for integrations: HTTP Basic on every request, no session, no cookie.
	 * Since no cookie authenticates it, a forged cross-site request carries no credentials and CSRF tokens are
	 * not needed; lockout and the audit of sign-ins apply as for the form. Scope rules are the services' own.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName("Shouhu API")
				.authenticationEntryPoint(InternalAuthenticationErrors.basic("Shouhu API")))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain staffSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.failureHandler(InternalAuthenticationErrors.form("/login?error"))
				.defaultSuccessUrl("/", false))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// A new session at sign-in, so a session id planted before sign-in is worthless after it. A new session
			// rather than a changed id: with sessions in the database, a request still in flight on the old session
			// (the page's icon, say) would write the old id back when it ends, and sign the user out again.
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self), payment=()")))
			.addFilterAfter(new MustChangePasswordFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/** Argon2id with 19 MiB of memory and 2 iterations (OWASP's minimum); older hashes keep verifying. */
	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
		return encoder;
	}

	/** Publishes every permission denial, so the audit trail can record it. */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

}
