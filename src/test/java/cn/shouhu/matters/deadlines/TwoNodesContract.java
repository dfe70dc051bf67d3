package cn.shouhu.matters.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * Two application nodes, each with its own poller, on one database: every due timer runs once, on one of them,
 * and every notice is written once.
 */
abstract class TwoNodesContract extends DeadlineSpringTest {

	private static final int MATTERS = 30;

	private static final int STEPS_PER_MATTER = DeadlineKind.values().length * NoticeKind.values().length;

	@Autowired
	DataSource dataSource;

	@Autowired
	NoticeFiring firing;

	@Test
	void everyDueTimerRunsOnceAndEveryNoticeIsWrittenOnce() throws Exception {
		// Timers that other tests sharing this database left behind are not this test's business.
		jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = :task").param("task", DeadlineTimers.TASK_NAME).update();
		// Dispatched on Monday 2 March 2026: by now (in real time) every step of every deadline has fallen due.
		clock.set(at("2026-03-02T09:00"));
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < MATTERS; i++) {
			ids.add(dispatchedComplaint());
		}
		assertThat(pendingTimers()).isEqualTo(MATTERS * STEPS_PER_MATTER);
		clock.set(at("2026-06-01T09:00"));

		Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
		OneTimeTask<NoticeTimer> counted = DeadlineTimers.noticeTask(timer -> {
			runs.computeIfAbsent(timer.instanceId(), key -> new AtomicInteger()).incrementAndGet();
			firing.fire(timer);
		});
		Scheduler nodeA = node("node-a", counted);
		Scheduler nodeB = node("node-b", counted);
		nodeA.start();
		nodeB.start();
		try {
			assertThat(within(Duration.ofSeconds(90), () -> pendingTimers() == 0)).as("all timers ran").isTrue();
		}
		finally {
			nodeA.stop();
			nodeB.stop();
		}

		assertThat(runs).hasSize(MATTERS * STEPS_PER_MATTER);
		assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
		for (long id : ids) {
			assertThat(jdbc.sql("""
					SELECT COUNT(DISTINCT deadline_kind || notice_kind) FROM matter_notice WHERE matter_id = :id
					""").param("id", id).query(Integer.class).single()).isEqualTo(STEPS_PER_MATTER);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_notice WHERE matter_id = :id")
				.param("id", id)
				.query(Integer.class)
				.single()).isEqualTo(STEPS_PER_MATTER);
			// 督办 once per overdue deadline (sign, reply, close), never twice.
			assertThat(jdbc.sql("SELECT supervision_count FROM matter WHERE id = :id")
				.param("id", id)
				.query(Integer.class)
				.single()).isEqualTo(DeadlineKind.values().length);
		}
	}

	private Scheduler node(String name, OneTimeTask<NoticeTimer> task) {
		return Scheduler.create(dataSource, task)
			.schedulerName(new SchedulerName.Fixed(name))
			.threads(2)
			.pollingInterval(Duration.ofMillis(100))
			.build();
	}

	private int pendingTimers() {
		return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task")
			.param("task", DeadlineTimers.TASK_NAME)
			.query(Integer.class)
			.single();
	}

}
