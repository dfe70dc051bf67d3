package cn.shouhu.matters.deadlines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline timers' settings.
 *
 * @param enabled whether this node runs the timers (every node may: each due timer fires on one of them); the
 * timers are scheduled whatever this says, so a node that does not run them loses nothing
 * @param pollingInterval how often a node looks for timers that fell due
 * @param threads how many timers a node runs at once
 */
@ConfigurationProperties("shouhu.deadlines")
public record DeadlineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollingInterval,
		@DefaultValue("2") int threads) {

	public DeadlineProperties {
		if (pollingInterval.isNegative() || pollingInterval.isZero() || threads < 1) {
			throw new IllegalArgumentException("shouhu.deadlines needs a positive polling interval and thread count");
		}
	}

}
