package cn.shouhu.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers again the events whose listener failed — a lock timeout under load, the database briefly gone — so that
 * the modules reacting to them (statistics, merged matters, sessions) catch up by themselves. The event publication
 * registry keeps such events as incomplete, but resubmits them by itself only at a restart. Every listener is
 * idempotent, so an event delivered twice (also by two nodes at once) changes nothing the second time.
 * <p>
 * Completed publications are kept for {@code shouhu.events.completed-retention} (7 days) as the record that each
 * listener ran, then deleted: the registry itself never deletes them, and at two rows per submission the table
 * would otherwise grow without end (and with it the redelivery's search for incomplete ones).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

	private final IncompleteEventPublications incomplete;

	private final Duration minimumAge;

	private final CompletedEventPublications completed;

	private final Duration completedRetention;

	EventRedelivery(IncompleteEventPublications incomplete,
			@Value("${shouhu.events.redelivery-age:PT1M}") Duration minimumAge, CompletedEventPublications completed,
			@Value("${shouhu.events.completed-retention:P7D}") Duration completedRetention) {
		this.incomplete = incomplete;
		this.minimumAge = minimumAge;
		this.completed = completed;
		this.completedRetention = completedRetention;
	}

	/** Only events older than the minimum age: a younger one is most likely still being handled. */
	@Scheduled(initialDelayString = "${shouhu.events.redelivery-interval:PT1M}",
			fixedDelayString = "${shouhu.events.redelivery-interval:PT1M}")
	void redeliver() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(minimumAge);
		}
		catch (RuntimeException e) {
			// The database may be down; the next run tries again.
			log.warn("Redelivering incomplete events failed: {}", e.toString());
		}
	}

	@Scheduled(initialDelayString = "${shouhu.events.prune-interval:PT1H}",
			fixedDelayString = "${shouhu.events.prune-interval:PT1H}")
	void pruneCompleted() {
		try {
			completed.deletePublicationsOlderThan(completedRetention);
		}
		catch (RuntimeException e) {
			log.warn("Deleting completed event publications failed: {}", e.toString());
		}
	}

}
