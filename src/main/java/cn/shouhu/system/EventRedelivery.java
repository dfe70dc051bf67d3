package cn.shouhu.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers again the events whose listener failed — a lock timeout under load, the database briefly gone — so that
 * the modules reacting to them (statistics, merged matters, sessions) catch up by themselves. The event publication
 * registry keeps such events as incomplete, but resubmits them by itself only at a restart. Every listener is
 * idempotent, so an event delivered twice (also by two nodes at once) changes nothing the second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

	private final IncompleteEventPublications incomplete;

	private final Duration minimumAge;

	EventRedelivery(IncompleteEventPublications incomplete,
			@Value("${shouhu.events.redelivery-age:PT1M}") Duration minimumAge) {
		this.incomplete = incomplete;
		this.minimumAge = minimumAge;
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

}
