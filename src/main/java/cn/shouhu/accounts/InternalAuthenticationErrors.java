package cn.shouhu.accounts;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * A sign-in that could not be checked at all (the account lookup failed, typically because the database is
 * down) is no wrong password: instead of 401 or "用户名或密码错误" its cause goes on up the filter chain, where the
 * system module answers a database outage with 503 and a message to try again later.
 */
final class InternalAuthenticationErrors {

	private InternalAuthenticationErrors() {
	}

	/** HTTP Basic's 401 with the realm, for a real authentication failure only. */
	static AuthenticationEntryPoint basic(String realm) {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName(realm);
		return (request, response, failure) -> {
			rethrowInternal(failure);
			basic.commence(request, response, failure);
		};
	}

	/** The form's "wrong username or password" redirect, for a real authentication failure only. */
	static AuthenticationFailureHandler form(String failureUrl) {
		SimpleUrlAuthenticationFailureHandler form = new SimpleUrlAuthenticationFailureHandler(failureUrl);
		return new AuthenticationFailureHandler() {
			@Override
			public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException failure) throws IOException, ServletException {
				rethrowInternal(failure);
				form.onAuthenticationFailure(request, response, failure);
			}
		};
	}

	private static void rethrowInternal(AuthenticationException failure) {
		if (failure instanceof InternalAuthenticationServiceException && failure.getCause() instanceof RuntimeException cause) {
			throw cause;
		}
	}

}
