package cn.shouhu.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password was set by an administrator can do nothing until its holder sets their own. Not a
 * bean: Boot would register a filter bean a second time, outside the security chain.
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				&& principal.mustChangePassword() && !isAllowed(request)) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isAllowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/error")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
	}

}
