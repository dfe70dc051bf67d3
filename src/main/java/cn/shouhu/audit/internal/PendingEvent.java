package cn.shouhu.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An audit event captured at the moment it happened, waiting for its place in the chain. Text fields are cut to
 * their column sizes and stripped of control characters here, so what is hashed is exactly what is stored.
 */
public record PendingEvent(Instant occurredAt, String actor, Long actorUnitId, String ip, String module,
		String action, Outcome outcome, String targetType, String targetId, String detail) {

	public PendingEvent {
		// Both databases keep microseconds; hashing a finer instant would never verify after the round trip.
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		actor = clean(actor, 100);
		if (actor == null || actor.isEmpty()) {
			actor = AuditContext.SYSTEM;
		}
		ip = clean(ip, 64);
		module = clean(module, 50);
		action = clean(action, 100);
		targetType = clean(targetType, 50);
		targetId = clean(targetId, 300);
		if (module == null || action == null || outcome == null) {
			throw new IllegalArgumentException("An audit event needs a module, an action and an outcome");
		}
	}

	/** Control characters (PostgreSQL refuses NUL in text) become '?'; overlong values are cut. */
	static String clean(String value, int maxLength) {
		if (value == null) {
			return null;
		}
		StringBuilder cleaned = new StringBuilder(Math.min(value.length(), maxLength));
		value.codePoints().forEach(c -> {
			if (cleaned.length() < maxLength) {
				cleaned.appendCodePoint(Character.isISOControl(c) ? '?' : c);
			}
		});
		String result = cleaned.toString();
		// A surrogate pair cut in half at the limit would not survive the database round trip.
		if (result.length() > maxLength) {
			result = result.substring(0, maxLength);
		}
		if (!result.isEmpty() && Character.isHighSurrogate(result.charAt(result.length() - 1))) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

}
