package cn.shouhu.matters;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which matters {@link PublicMatters#find} lists, newest first. Every criterion is optional (null or empty means
 * any).
 *
 * @param from received at or after
 * @param to received before
 * @param limit at most this many, between 1 and {@link #MAX_LIMIT}
 */
public record PublicMatterQuery(Collection<Long> ids, Collection<String> categoryCodes, Instant from, Instant to,
		PublicStatus status, int limit) {

	public static final int MAX_LIMIT = 1000;

	public PublicMatterQuery {
		ids = ids == null ? List.of() : List.copyOf(ids);
		categoryCodes = categoryCodes == null ? List.of() : List.copyOf(categoryCodes);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
		}
	}

}
