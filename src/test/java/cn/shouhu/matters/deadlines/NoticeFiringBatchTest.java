package cn.shouhu.matters.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Timers that fall due together are fired in one batch. The test holds the firing's turn while the scheduler
 * threads (here, a pool) line up behind it, so that the next turn certainly fires them all together.
 */
class NoticeFiringBatchTest extends DeadlineSpringTest {

	@Autowired
	NoticeFiring firing;

	@Test
	void timersInLineAreFiredTogetherAndEachWritesItsNoticeOnce() throws Exception {
		clock.set(at("2026-04-29T10:00"));
		List<Long> matters = List.of(dispatchedComplaint(), dispatchedComplaint(), dispatchedComplaint());
		clock.set(at("2026-04-30T10:00"));
		List<NoticeTimer> timers = new ArrayList<>();
		for (long id : matters) {
			timers.add(new NoticeTimer(id, DeadlineKind.SIGN, NoticeKind.WARNING_90, at("2026-04-30T10:00")));
			timers.add(new NoticeTimer(id, DeadlineKind.SIGN, NoticeKind.OVERDUE, at("2026-04-30T10:00")));
		}
		// The same step twice in one batch (a retry meeting the first run), and a timer whose due instant moved.
		timers.add(timers.get(1));
		timers.add(new NoticeTimer(matters.get(0), DeadlineKind.REPLY, NoticeKind.OVERDUE, at("2026-05-01T10:00")));

		List<Future<Boolean>> fired = fireInOneLine(timers);

		List<Boolean> answers = new ArrayList<>();
		for (Future<Boolean> answer : fired) {
			answers.add(answer.get(30, TimeUnit.SECONDS));
		}
		// The threads line up in any order: of the step sent twice, whichever came first wrote the notice.
		assertThat(List.of(answers.get(0), answers.get(2), answers.get(3), answers.get(4), answers.get(5)))
			.containsOnly(true);
		assertThat(List.of(answers.get(1), answers.get(6))).containsExactlyInAnyOrder(true, false);
		assertThat(answers.get(7)).as("the timer whose due instant moved").isFalse();
		for (long id : matters) {
			assertThat(notices(id)).as("notices of %d", id).isEqualTo(2);
			assertThat(supervisions(id)).as("supervised %d", id).isEqualTo(1);
		}
	}

	@Test
	void aTimerThatFailsInABatchFailsAloneAndTheOthersAreFired() throws Exception {
		clock.set(at("2026-04-29T10:00"));
		long first = dispatchedComplaint();
		long second = dispatchedComplaint();
		clock.set(at("2026-04-30T10:00"));
		// No due instant: it cannot be compared with the matter's, so firing it throws.
		NoticeTimer broken = new NoticeTimer(first, DeadlineKind.SIGN, NoticeKind.WARNING_70, null);

		List<Future<Boolean>> fired = fireInOneLine(List.of(
				new NoticeTimer(first, DeadlineKind.SIGN, NoticeKind.OVERDUE, at("2026-04-30T10:00")), broken,
				new NoticeTimer(second, DeadlineKind.SIGN, NoticeKind.OVERDUE, at("2026-04-30T10:00"))));

		assertThat(fired.get(0).get(30, TimeUnit.SECONDS)).isTrue();
		assertThatThrownBy(() -> fired.get(1).get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(NullPointerException.class);
		assertThat(fired.get(2).get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(notices(first)).isEqualTo(1);
		assertThat(notices(second)).isEqualTo(1);
		assertThat(supervisions(first)).isEqualTo(1);
		assertThat(supervisions(second)).isEqualTo(1);
	}

	/** Each timer from a thread of its own, all waiting behind the turn this test holds until every one is in line. */
	private List<Future<Boolean>> fireInOneLine(List<NoticeTimer> timers) throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(timers.size());
		List<Future<Boolean>> fired = new ArrayList<>();
		firing.turn.lock();
		try {
			for (NoticeTimer timer : timers) {
				fired.add(threads.submit(() -> firing.fire(timer)));
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (firing.turn.getQueueLength() < timers.size() && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(firing.turn.getQueueLength()).as("threads in line").isEqualTo(timers.size());
		}
		finally {
			firing.turn.unlock();
			threads.shutdown();
		}
		return fired;
	}

	private int supervisions(long matterId) {
		return jdbc.sql("SELECT supervision_count FROM matter WHERE id = :id")
			.param("id", matterId)
			.query(Integer.class)
			.single();
	}

}
