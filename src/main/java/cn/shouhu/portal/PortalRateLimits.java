package cn.shouhu.portal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's rate limits: token buckets per client address and per mobile number (bucket4j), held in memory.
 * <p>
 * Per node on purpose. The limits are a brake on one source flooding the public forms, not a quota anybody is
 * owed: behind a load balancer with N nodes a source gets at most N times the limit, still a few requests a
 * minute, and no database round trip is added to every public request. Should an exact cluster-wide limit be
 * wanted, bucket4j's JDBC proxy can keep the same buckets in PostgreSQL without changing the callers.
 * <p>
 * Each limit remembers at most {@link PortalProperties#trackedKeys()} keys, the least recently seen forgotten
 * first, so that a flood of distinct addresses cannot exhaust the heap; a forgotten key starts again with a full
 * bucket, which only favours a source that has been quiet the longest.
 * <p>
 * The client address is {@link HttpServletRequest#getRemoteAddr()}: behind a proxy, set
 * {@code server.forward-headers-strategy=native} (or {@code framework}) so that it is the visitor's address taken
 * from {@code X-Forwarded-For} by the trusted proxy, not the proxy's own.
 */
@Component
public class PortalRateLimits {

	private final Limit submissionsPerIp;

	private final Limit submissionsPerPhone;

	private final Limit lookupsPerIp;

	PortalRateLimits(PortalProperties properties) {
		this.submissionsPerIp = new Limit(properties.submissionsPerIp(), properties.submissionsPerIpWindow(),
				properties.trackedKeys());
		this.submissionsPerPhone = new Limit(properties.submissionsPerPhone(),
				properties.submissionsPerPhoneWindow(), properties.trackedKeys());
		this.lookupsPerIp = new Limit(properties.lookupsPerIp(), properties.lookupsPerIpWindow(),
				properties.trackedKeys());
	}

	/** The address a limit is kept for. */
	public static String clientIp(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		return address == null ? "" : address;
	}

	/**
	 * Takes one submission from the address's and (unless anonymous, {@code null}) the phone's allowance. If either
	 * is spent, neither is charged.
	 * @throws RateLimitedException with the longer of the two waits
	 */
	public void checkSubmission(String clientIp, String phone) {
		Duration ipWait = submissionsPerIp.take(clientIp);
		if (ipWait != null) {
			throw new RateLimitedException(ipWait);
		}
		if (phone != null && !phone.isBlank()) {
			Duration phoneWait = submissionsPerPhone.take(phone.strip());
			if (phoneWait != null) {
				submissionsPerIp.giveBack(clientIp);
				throw new RateLimitedException(phoneWait);
			}
		}
	}

	/**
	 * Takes one tracking look-up from the address's allowance ({@code shouhu.portal.lookups-per-ip} per
	 * {@code lookups-per-ip-window}), for the pages where the public look a matter up by its code.
	 * @throws RateLimitedException when it is spent; the portal answers it with a 429 page and Retry-After
	 */
	public void checkLookup(String clientIp) {
		Duration wait = lookupsPerIp.take(clientIp);
		if (wait != null) {
			throw new RateLimitedException(wait);
		}
	}

	/** One limit: a bucket per key, in a map bounded by least recent use. */
	private static final class Limit {

		private final Supplier<Bucket> newBucket;

		private final Map<String, Bucket> buckets;

		Limit(int requests, Duration window, int maxKeys) {
			this.newBucket = () -> Bucket.builder()
				.addLimit(limit -> limit.capacity(requests).refillGreedy(requests, window))
				.build();
			this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
					return size() > maxKeys;
				}
			};
		}

		/** @return null if one token was taken, else how long until one is there */
		Duration take(String key) {
			ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
		}

		void giveBack(String key) {
			bucket(key).addTokens(1);
		}

		private Bucket bucket(String key) {
			// The map is touched only briefly; the bucket itself is thread-safe and used outside the lock.
			synchronized (buckets) {
				return buckets.computeIfAbsent(key, k -> newBucket.get());
			}
		}

	}

}
