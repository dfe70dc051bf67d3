package cn.shouhu.matters.deadlines;

import java.time.Duration;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The deadline timers on db-scheduler (the core library, built here rather than through its Spring Boot starter).
 * Timers are rows of {@code scheduled_tasks}; every node polls for those that fell due and claims each with an
 * optimistic update, so a timer runs on one node even when several poll at once, and a poll reads only the due
 * rows (by the index on execution_time), never the open matters.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineTimers {

	static final String TASK_NAME = "matter-deadline-notice";

	/** The one task type: a step of a deadline's watch. */
	static OneTimeTask<NoticeTimer> noticeTask(Consumer<NoticeTimer> action) {
		return Tasks.oneTime(TASK_NAME, NoticeTimer.class)
			.onDeadExecutionRevive()
			.execute((instance, context) -> action.accept(instance.getData()));
	}

	@Bean
	OneTimeTask<NoticeTimer> deadlineNoticeTask(NoticeFiring firing) {
		return noticeTask(firing::fire);
	}

	/**
	 * Schedules, reschedules and cancels timers in the caller's transaction: the proxy hands db-scheduler the
	 * connection of the Spring transaction in progress (and db-scheduler commits nothing itself while auto-commit
	 * is off), so a timer exists exactly when the matter change that set it has committed.
	 */
	@Bean
	SchedulerClient deadlineSchedulerClient(DataSource dataSource, OneTimeTask<NoticeTimer> deadlineNoticeTask) {
		return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), deadlineNoticeTask)
			.build();
	}

	@Bean
	DeadlineTimerRunner deadlineTimerRunner(DataSource dataSource, OneTimeTask<NoticeTimer> deadlineNoticeTask,
			DeadlineProperties properties) {
		return new DeadlineTimerRunner(dataSource, deadlineNoticeTask, properties);
	}

	/** Runs this node's poller from the end of start-up until shutdown, unless shouhu.deadlines.enabled=false. */
	static final class DeadlineTimerRunner implements SmartLifecycle {

		/** A firing takes milliseconds; shutdown need not wait long for one to finish. */
		private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

		/** Null when this node does not run the timers. */
		private final Scheduler scheduler;

		private volatile boolean running;

		DeadlineTimerRunner(DataSource dataSource, OneTimeTask<NoticeTimer> task, DeadlineProperties properties) {
			this.scheduler = !properties.enabled() ? null
					: Scheduler.create(dataSource, task)
						.threads(properties.threads())
						.pollingInterval(properties.pollingInterval())
						.shutdownMaxWait(SHUTDOWN_WAIT)
						.build();
		}

		@Override
		public void start() {
			if (scheduler != null) {
				scheduler.start();
			}
			running = true;
		}

		@Override
		public void stop() {
			if (scheduler != null) {
				scheduler.stop();
			}
			running = false;
		}

		@Override
		public boolean isRunning() {
			return running;
		}

	}

}
