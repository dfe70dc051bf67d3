package cn.shouhu.matters.suggestions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 分类建议's settings.
 *
 * @param corpus the training corpus that ships with Shouhu (TSV: subject, detail, category)
 * @param refreshInterval how often each node re-reads which model is active, to follow a switch made on another
 * node
 * @param retrain the weekly retraining job
 * @param duplicates the duplicate search
 */
@ConfigurationProperties("shouhu.suggestions")
public record SuggestionProperties(@DefaultValue("classpath:classification/corpus.tsv") String corpus,
		@DefaultValue("1m") Duration refreshInterval, @DefaultValue Retrain retrain,
		@DefaultValue Duplicates duplicates) {

	public SuggestionProperties {
		if (refreshInterval.isNegative() || refreshInterval.isZero()) {
			throw new IllegalArgumentException("shouhu.suggestions.refresh-interval must be positive: " + refreshInterval);
		}
	}

	/**
	 * The retraining job.
	 *
	 * @param enabled whether this node runs the job (any number of nodes may: each run happens on one of them)
	 * @param cron when it runs (second minute hour day month weekday), in {@code zone}; weekly by default
	 * @param zone the time zone of the cron expression
	 * @param minNewMatters the job skips a run when fewer matters have closed since the last model
	 * @param pollingInterval how often a node looks whether the job is due
	 */
	public record Retrain(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 3 * * MON") String cron,
			@DefaultValue("Asia/Shanghai") String zone, @DefaultValue("50") int minNewMatters,
			@DefaultValue("1m") Duration pollingInterval) {

		public Retrain {
			if (minNewMatters < 0) {
				throw new IllegalArgumentException("shouhu.suggestions.retrain.min-new-matters must not be negative");
			}
			if (pollingInterval.isNegative() || pollingInterval.isZero()) {
				throw new IllegalArgumentException("shouhu.suggestions.retrain.polling-interval must be positive");
			}
		}

	}

	/**
	 * The duplicate search.
	 *
	 * @param days how far back open matters are compared
	 * @param threshold the least similarity (0–1) shown; see {@link DuplicateScoring} for why 0.45
	 * @param limit how many candidates are shown at most
	 */
	public record Duplicates(@DefaultValue("30") int days, @DefaultValue("0.45") double threshold,
			@DefaultValue("5") int limit) {

		public Duplicates {
			if (days < 1 || threshold <= 0 || threshold > 1 || limit < 1) {
				throw new IllegalArgumentException(
						"shouhu.suggestions.duplicates needs days >= 1, 0 < threshold <= 1 and limit >= 1");
			}
		}

	}

}
