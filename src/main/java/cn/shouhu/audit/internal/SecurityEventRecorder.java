package cn.shouhu.audit.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins (successful and failed), sign-outs and permission denials from Spring Security's events, each in
 * a transaction of its own: there is no business transaction to join.
 * <p>
 * Only {@link AuthenticationSuccessEvent} is recorded for a sign-in; the form login's additional
 * InteractiveAuthenticationSuccessEvent is not a subclass of it and is ignored, so a sign-in is one row.
 * Denials are recorded for signed-in staff only: an anonymous visitor who opens a protected page is simply sent
 * to the sign-in page, and recording each of those redirects would bury the denials that matter (attempts to
 * guess passwords show up as failed sign-ins).
 */
@Component
class SecurityEventRecorder {

	static final String MODULE = "security";

	private static final Logger log = LoggerFactory.getLogger(SecurityEventRecorder.class);

	private final AuditChain chain;

	private final Clock clock;

	SecurityEventRecorder(AuditChain chain, ObjectProvider<Clock> clock) {
		this.chain = chain;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		AuditContext.Actor actor = AuditContext.actorOf(event.getAuthentication());
		append(actor, "login.success", Outcome.SUCCESS, "account", actor.name(), null);
	}

	/** The attempted username is kept as typed: it is a staff username, not personal data of the public. */
	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		String username = attempt == null || attempt.getName() == null || attempt.getName().isBlank()
				? AuditContext.ANONYMOUS : attempt.getName();
		append(new AuditContext.Actor(username, null), "login.failure", Outcome.FAILURE, "account", username,
				DetailJson.of(Map.of("failure", event.getException().getClass().getSimpleName())));
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		AuditContext.Actor actor = AuditContext.actorOf(event.getAuthentication());
		append(actor, "logout", Outcome.SUCCESS, "account", actor.name(), null);
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (!AuditContext.isSignedIn(authentication)) {
			return;
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		String rule = rule(event.getAuthorizationResult());
		if (rule != null) {
			detail.put("rule", rule);
		}
		if (event.getObject() instanceof MethodInvocation invocation) {
			detail.put("method",
					invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName());
		}
		String target = AuditContext.currentRequest()
			.map(SecurityEventRecorder::methodAndPath)
			.orElse(event.getObject() == null ? null : event.getObject().getClass().getSimpleName());
		append(AuditContext.actorOf(authentication), "access.denied", Outcome.DENIED, "request", target,
				DetailJson.of(detail));
	}

	private void append(AuditContext.Actor actor, String action, Outcome outcome, String targetType, String targetId,
			String detail) {
		try {
			chain.appendAlone(new PendingEvent(clock.instant(), actor.name(), actor.unitId(), AuditContext.currentIp(),
					MODULE, action, outcome, targetType, targetId, detail));
		}
		catch (RuntimeException e) {
			// A sign-in must not fail because its record could not be written; the database is failing anyway.
			log.error("Could not record {} {} for {}", action, outcome, actor.name(), e);
		}
	}

	/** Method and path only: a query string may carry personal data. */
	private static String methodAndPath(HttpServletRequest request) {
		return request.getMethod() + " " + request.getRequestURI();
	}

	private static String rule(AuthorizationResult result) {
		if (result instanceof ExpressionAuthorizationDecision expression && expression.getExpression() != null) {
			return expression.getExpression().getExpressionString();
		}
		return result == null ? null : result.getClass().getSimpleName();
	}

}
