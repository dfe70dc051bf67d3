package cn.shouhu.portal;

import java.time.Duration;

/**
 * A portal visitor has sent too much too fast. Thrown from any controller, it becomes the portal's friendly
 * 429 page with a {@code Retry-After} header; nothing was done.
 */
public class RateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	public RateLimitedException(Duration retryAfter) {
		super("rate limited", null, false, false);
		this.retryAfter = retryAfter;
	}

	/** How long until one more request will be let through (at least one second). */
	public Duration retryAfter() {
		return retryAfter;
	}

	/** {@link #retryAfter()} in whole seconds, rounded up, as the {@code Retry-After} header wants it. */
	public long retryAfterSeconds() {
		long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

}
