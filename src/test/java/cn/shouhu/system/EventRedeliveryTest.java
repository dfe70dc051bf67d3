package cn.shouhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose listener fails once is delivered again by the redelivery run, and then completes; a completed
 * publication is deleted once it is older than the retention, not before. The scheduled runs are pushed out of the
 * test's way; the test calls them.
 */
@SpringBootTest(properties = { "shouhu.test.context=event-redelivery", "shouhu.events.redelivery-age=PT0S",
		"shouhu.events.redelivery-interval=PT1H", "shouhu.events.prune-interval=PT1H" })
class EventRedeliveryTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EventRedelivery redelivery;

	@Autowired
	FailingOnce listener;

	@Autowired
	JdbcClient jdbc;

	record SomethingHappened(String what) {
	}

	record SomethingElse(String what) {
	}

	static class Succeeding {

		@ApplicationModuleListener
		void on(SomethingElse event) {
		}

	}

	static class FailingOnce {

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger handled = new AtomicInteger();

		@ApplicationModuleListener
		void on(SomethingHappened event) {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("lock timeout, say");
			}
			handled.incrementAndGet();
		}

		// Read through methods: the bean is a proxy (async, transactional), its fields are not the target's.
		int calls() {
			return calls.get();
		}

		int handled() {
			return handled.get();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		FailingOnce failingOnce() {
			return new FailingOnce();
		}

		@Bean
		Succeeding succeeding() {
			return new Succeeding();
		}

	}

	private long incomplete() {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE '%FailingOnce%'")
			.query(Long.class)
			.single();
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	@Test
	void aFailedListenerGetsTheEventAgainAndCompletes() throws InterruptedException {
		transaction.executeWithoutResult(status -> events.publishEvent(new SomethingHappened("noise complaint")));
		await(() -> listener.calls() == 1);
		Thread.sleep(200);
		assertThat(listener.handled()).isZero();
		assertThat(incomplete()).isEqualTo(1);

		redelivery.redeliver();

		await(() -> listener.handled() == 1);
		await(() -> incomplete() == 0);
		assertThat(listener.calls()).isEqualTo(2);
	}

	@Test
	void aCompletedPublicationIsDeletedOnlyAfterTheRetention() throws InterruptedException {
		transaction.executeWithoutResult(status -> events.publishEvent(new SomethingElse("praise")));
		await(() -> completed() == 1);

		redelivery.pruneCompleted();
		assertThat(completed()).as("completed today: kept for 7 days").isEqualTo(1);

		jdbc.sql("UPDATE event_publication SET completion_date = completion_date - INTERVAL '8' DAY"
				+ " WHERE listener_id LIKE '%Succeeding%'").update();
		redelivery.pruneCompleted();
		assertThat(completed()).as("completed 8 days ago: deleted").isZero();
	}

	private long completed() {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL"
				+ " AND listener_id LIKE '%Succeeding%'")
			.query(Long.class)
			.single();
	}

}
