package cn.shouhu.audit.internal;

import java.time.Instant;

/**
 * What the auditor filters the trail by; every criterion is optional. Text criteria match exactly, except
 * {@code action} and {@code ip}, which match from their start ("officer." finds every officer action, "10.12."
 * a subnet).
 *
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(Instant from, Instant to, String actor, String module, String action, String targetType,
		String targetId, Outcome outcome, String ip) {

	public AuditQuery {
		actor = blankToNull(actor);
		module = blankToNull(module);
		action = blankToNull(action);
		targetType = blankToNull(targetType);
		targetId = blankToNull(targetId);
		ip = blankToNull(ip);
	}

	public static AuditQuery everything() {
		return new AuditQuery(null, null, null, null, null, null, null, null, null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
