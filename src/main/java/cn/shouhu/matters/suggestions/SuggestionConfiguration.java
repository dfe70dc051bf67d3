package cn.shouhu.matters.suggestions;

import java.time.Duration;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Starts 分类建议: the default model at the first start, the refresh of the active model on every node, and the
 * weekly retraining job on db-scheduler (a recurring task in its own table, {@code suggestion_scheduled_tasks}: each
 * run is claimed by one node, however many run the job).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SuggestionConfiguration implements SchedulingConfigurer {

	static final String TASK_NAME = "suggestion-model-retraining";

	static final String TABLE = "suggestion_scheduled_tasks";

	private final ActiveModel active;

	private final SuggestionProperties properties;

	SuggestionConfiguration(ActiveModel active, SuggestionProperties properties) {
		this.active = active;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(
				new FixedDelayTask(active::refresh, properties.refreshInterval(), properties.refreshInterval()));
	}

	/** Trains and stores the default model if there is none, then loads the active one. */
	@Bean
	ApplicationRunner suggestionModelStart(SuggestionModels models) {
		return arguments -> models.start();
	}

	static RecurringTask<Void> retrainingTask(SuggestionProperties properties, Runnable run) {
		SuggestionProperties.Retrain retrain = properties.retrain();
		return Tasks.recurring(TASK_NAME, Schedules.cron(retrain.cron(), ZoneId.of(retrain.zone())))
			.execute((instance, context) -> run.run());
	}

	@Bean
	RetrainingRunner suggestionRetrainingRunner(DataSource dataSource, SuggestionModels models) {
		return new RetrainingRunner(dataSource, retrainingTask(properties, models::retrainIfDue), properties);
	}

	/**
	 * Runs this node's retraining scheduler from the end of start-up until shutdown, unless disabled. A stopped
	 * db-scheduler cannot start again, so each start builds a new one: a context that is stopped and started again
	 * (as the test framework does with the contexts it keeps) runs the job again.
	 */
	static final class RetrainingRunner implements SmartLifecycle {

		/** A retraining takes seconds; shutdown waits that long for one that is running. */
		private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

		private final DataSource dataSource;

		private final RecurringTask<Void> task;

		private final SuggestionProperties properties;

		/** Null while stopped, and always when this node does not run the job. */
		private Scheduler scheduler;

		private volatile boolean running;

		RetrainingRunner(DataSource dataSource, RecurringTask<Void> task, SuggestionProperties properties) {
			this.dataSource = dataSource;
			this.task = task;
			this.properties = properties;
		}

		@Override
		public synchronized void start() {
			if (properties.retrain().enabled() && scheduler == null) {
				scheduler = Scheduler.create(dataSource)
					.startTasks(task)
					.tableName(TABLE)
					.threads(1)
					.pollingInterval(properties.retrain().pollingInterval())
					.shutdownMaxWait(SHUTDOWN_WAIT)
					.build();
				scheduler.start();
			}
			running = true;
		}

		@Override
		public synchronized void stop() {
			if (scheduler != null) {
				scheduler.stop();
				scheduler = null;
			}
			running = false;
		}

		@Override
		public boolean isRunning() {
			return running;
		}

	}

}
