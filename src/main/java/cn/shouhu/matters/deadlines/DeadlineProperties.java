package cn.shouhu.matters.deadlines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline timers' settings.
 *
 * @param enabled whether this node runs the timers (every node may: each due timer fires on one of them); the
 * timers are scheduled whatever this says, so a node that does not run them loses nothing
 * @param pollingInterval how often a node looks for timers that fell due; it bounds how late a timer can be even
 * on an idle node, and the poll is one indexed read of the due rows (under a millisecond in PostgreSQL with 10
 * million timers, see docs/benchmarks.md), so 1 s costs nothing worth saving
 * @param threads how many timers a node runs at once; a firing mostly waits for the database, so more threads than
 * cores fire a burst of due timers faster (1,000 at once: 62 s with 2 threads, 22 s with 8 or 16 on the loaded
 * benchmark machine, where the firings queue on the audit chain's head); each thread holds a pooled connection
 * while it fires, so 4 leave most of the default pool of 10 to the pages
 */
@ConfigurationProperties("shouhu.deadlines")
public record DeadlineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollingInterval,
		@DefaultValue("4") int threads) {

	public DeadlineProperties {
		if (pollingInterval.isNegative() || pollingInterval.isZero() || threads < 1) {
			throw new IllegalArgumentException("shouhu.deadlines needs a positive polling interval and thread count");
		}
	}

}
