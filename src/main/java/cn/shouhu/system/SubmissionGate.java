package cn.shouhu.system;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Bounds how many public submissions (Open311, the portal form, the staff API's intake) a node works on at once.
 * Why: each holds a pooled connection for most of its time, and without a bound a burst beyond the node's capacity
 * had every request wait Hikari's full second for a connection; 200 threads each spending a second per refusal
 * could refuse no more than 200 a second, the rest queued until their clients gave up, and throughput collapsed
 * (400/s offered: 6–210/s answered, see docs/benchmarks.md). Now a submission that finds no permit within a short
 * wait is refused at once with 503, Retry-After and "系统繁忙" ({@link Busy}, mapped like an unreachable database:
 * nothing was saved, the same request later is safe), and those admitted keep the connections busy.
 */
class SubmissionGate implements HandlerInterceptor {

	private static final String ADMITTED = SubmissionGate.class.getName() + ".admitted";

	private final Semaphore permits;

	private final long waitNanos;

	SubmissionGate(int maxConcurrent, Duration maxWait) {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("shouhu.intake.max-concurrent must be at least 1");
		}
		this.permits = new Semaphore(maxConcurrent, true);
		this.waitNanos = maxWait.toNanos();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws InterruptedException {
		if (!"POST".equals(request.getMethod()) || request.getAttribute(ADMITTED) != null) {
			return true;
		}
		if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
			throw new Busy();
		}
		request.setAttribute(ADMITTED, Boolean.TRUE);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(ADMITTED) != null) {
			request.removeAttribute(ADMITTED);
			permits.release();
		}
	}

	/** Permits free right now (for tests). */
	int available() {
		return permits.availablePermits();
	}

	/** The node is at its bound of concurrent submissions; nothing was done. */
	static final class Busy extends TransientDataAccessResourceException {

		Busy() {
			super("Too many submissions at once on this node");
		}

	}

}
