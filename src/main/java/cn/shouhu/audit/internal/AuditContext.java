package cn.shouhu.audit.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.shouhu.shared.CurrentStaff;

/**
 * Who is acting and from where: the signed-in staff member (or the authentication's name), 'anonymous' for a
 * request nobody signed in to, 'system' outside any request (schedulers, event listeners, start-up).
 */
final class AuditContext {

	static final String SYSTEM = "system";

	static final String ANONYMOUS = "anonymous";

	record Actor(String name, Long unitId) {
	}

	private AuditContext() {
	}

	static Actor currentActor() {
		Optional<CurrentStaff> staff = CurrentStaff.find();
		if (staff.isPresent()) {
			return new Actor(staff.get().username(), staff.get().unitId());
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (isSignedIn(authentication)) {
			return new Actor(authentication.getName(), null);
		}
		return new Actor(currentRequest().isPresent() ? ANONYMOUS : SYSTEM, null);
	}

	/** The actor an authentication stands for, e.g. in a sign-in event before the security context holds it. */
	static Actor actorOf(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof CurrentStaff.Holder holder) {
			CurrentStaff staff = holder.staff();
			return new Actor(staff.username(), staff.unitId());
		}
		if (authentication != null && authentication.getName() != null && !authentication.getName().isBlank()) {
			return new Actor(authentication.getName(), null);
		}
		return new Actor(ANONYMOUS, null);
	}

	static boolean isSignedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * The client's address as the servlet container sees it. Behind a proxy, {@code server.forward-headers-strategy}
	 * makes it the forwarded client address; X-Forwarded-For is never read here, so a client cannot forge it.
	 */
	static String currentIp() {
		return currentRequest().map(HttpServletRequest::getRemoteAddr).orElse(null);
	}

	static Optional<HttpServletRequest> currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return Optional.of(servlet.getRequest());
		}
		return Optional.empty();
	}

}
