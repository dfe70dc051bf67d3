package cn.shouhu.matters.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The application's own poller, started with the context: a matter dispatched long ago gets all its notices. */
@TestPropertySource(properties = { "shouhu.deadlines.enabled=true", "shouhu.deadlines.polling-interval=100ms" })
class DeadlineTimersRunTest extends DeadlineSpringTest {

	@Test
	void theNodesPollerFiresWhatFellDue() throws Exception {
		clock.set(at("2026-03-02T09:00"));
		long id = dispatchedComplaint();
		clock.set(at("2026-06-01T09:00"));

		assertThat(within(Duration.ofSeconds(30), () -> notices(id) == 15)).as("15 notices").isTrue();
		// A timer's row goes once its scheduler thread has its answer, a moment after the batch committed.
		assertThat(within(Duration.ofSeconds(10), () -> timers(id).isEmpty())).as("timers %s", timers(id)).isTrue();
		assertThat(desk.details(coordinator(), id).supervised()).isTrue();
	}

}
