package cn.shouhu.matters.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.shouhu.calendar.WorkingCalendar;

/**
 * Keeps a matter's timers in step with its deadlines: for each limit still owed, one timer per step (warnings at
 * 70 % and 90 %, overdue, the two escalations) under a fixed id, rescheduled in place when the due instant moves;
 * for a limit no longer owed, its timers are cancelled. Runs in the transaction of the change that moved the
 * deadlines, so the timers and the matter commit or roll back together.
 */
@Service
class DeadlineWatch {

	private final MatterClocks clocks;

	private final WorkingCalendar calendar;

	private final SchedulerClient timers;

	private final OneTimeTask<NoticeTimer> task;

	private final JdbcClient jdbc;

	private final Clock clock;

	DeadlineWatch(MatterClocks clocks, WorkingCalendar calendar, SchedulerClient timers, OneTimeTask<NoticeTimer> task,
			JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.clocks = clocks;
		this.calendar = calendar;
		this.timers = timers;
		this.task = task;
		this.jdbc = jdbc;
	}

	void watch(long matterId) {
		Optional<MatterClock> found = clocks.find(matterId);
		for (DeadlineKind deadline : DeadlineKind.values()) {
			if (found.isPresent() && deadline.runningOn(found.get())) {
				schedule(found.get(), deadline);
			}
			else {
				cancel(matterId, deadline);
			}
		}
	}

	private void schedule(MatterClock matter, DeadlineKind deadline) {
		Instant due = deadline.dueOf(matter);
		Map<NoticeKind, Instant> instants = DeadlineSchedule.instants(matter.startOf(deadline), due,
				matter.pausesOf(deadline), calendar);
		Set<NoticeKind> told = toldSince(matter.matterId(), deadline, matter.startOf(deadline));
		Instant now = clock.instant();
		instants.forEach((notice, at) -> {
			NoticeTimer timer = new NoticeTimer(matter.matterId(), deadline, notice, due);
			if (told.contains(notice) && at.isBefore(now)) {
				// Already told in this period (before a pause or an extension moved the due instant): not again at once.
				cancel(timer.instanceId());
			}
			else {
				schedule(timer, at);
			}
		});
	}

	private void schedule(NoticeTimer timer, Instant at) {
		TaskInstanceId id = TaskInstanceId.of(DeadlineTimers.TASK_NAME, timer.instanceId());
		Optional<ScheduledExecution<Object>> existing = timers.getScheduledExecution(id);
		if (existing.isEmpty()) {
			timers.scheduleIfNotExists(task.instance(timer.instanceId(), timer), at);
		}
		else if (!existing.get().isPicked()) {
			if (!timer.equals(existing.get().getData()) || !at.equals(existing.get().getExecutionTime())) {
				timers.reschedule(id, at, timer);
			}
		}
		else if (!timer.equals(existing.get().getData())) {
			// The old timer is running on some node right now and cannot be moved; it will find its due instant
			// stale and do nothing, so the new one goes under an id of its own.
			String alternate = timer.instanceId() + ":" + timer.dueAt().toEpochMilli();
			timers.scheduleIfNotExists(task.instance(alternate, timer), at);
		}
	}

	private void cancel(long matterId, DeadlineKind deadline) {
		for (NoticeKind notice : NoticeKind.values()) {
			cancel(NoticeTimer.instanceId(matterId, deadline, notice));
		}
	}

	/** A timer running right now is left to finish: it re-reads the matter and does nothing if nothing is owed. */
	private void cancel(String instanceId) {
		TaskInstanceId id = TaskInstanceId.of(DeadlineTimers.TASK_NAME, instanceId);
		timers.getScheduledExecution(id)
			.filter(execution -> !execution.isPicked())
			.ifPresent(execution -> timers.cancel(id));
	}

	private Set<NoticeKind> toldSince(long matterId, DeadlineKind deadline, Instant start) {
		Set<NoticeKind> told = new HashSet<>();
		jdbc.sql("""
				SELECT notice_kind FROM matter_notice
				 WHERE matter_id = :matter AND deadline_kind = :deadline AND created_at >= :start
				""")
			.param("matter", matterId)
			.param("deadline", deadline.name())
			.param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
			.query(rs -> {
				told.add(NoticeKind.valueOf(rs.getString(1)));
			});
		return told;
	}

}
