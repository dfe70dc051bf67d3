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
 * @param threads how many due timers a node takes at once. A thread holds no connection while its timer waits in
 * line: {@link NoticeFiring} fires the timers in line together, in one transaction on one connection, so more
 * threads make larger batches, not more connections. 1,000 warnings falling due at once among 100,000 open
 * matters, on a node whose two cores are also kept busy: last one 4.5–6.2 s late with 4 threads firing one by
 * one, 4.0–5.0 s with 16; with batches, 3.6–4.6 s with 8 threads and 2.3–3.0 s with 16 (docs/benchmarks.md)
 */
@ConfigurationProperties("shouhu.deadlines")
public record DeadlineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollingInterval,
		@DefaultValue("16") int threads) {

	public DeadlineProperties {
		if (pollingInterval.isNegative() || pollingInterval.isZero() || threads < 1) {
			throw new IllegalArgumentException("shouhu.deadlines needs a positive polling interval and thread count");
		}
	}

}
