package cn.shouhu.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /open311/**} is for third-party apps, not staff: no sign-in, no session, no cookie. Each request proves
 * itself with its api_key, checked by the controller (the spec sends it as a form field or query parameter, which a
 * filter would have to parse twice). Since no cookie authenticates anything here, a forged cross-site form post
 * carries no credential, so CSRF tokens are off — an app's server could not obtain one anyway. Ordered before the
 * staff chain, which would otherwise send apps to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

	@Bean
	@Order(0)
	SecurityFilterChain open311SecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/open311/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

}
