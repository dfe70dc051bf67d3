package cn.shouhu.matters.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.shared.Role;

/** The timers that the matter's actions set, move and cancel, on the real 2026 calendar. */
class DeadlineWatchTest extends DeadlineSpringTest {

	@Autowired
	SchedulerClient timers;

	@Autowired
	NoticeFiring firing;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theTimersFollowTheWorkingCalendarAcrossMayDayAndItsWorkedSaturday() {
		// Wednesday 29 April, 10:00; 1–5 May are off, Saturday 9 May is worked (调休).
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();

		Map<String, Instant> timers = timers(id);
		assertThat(timers).hasSize(15);
		// 签收 within 1 working day: 7 business hours, to 10:00 on Thursday 30 April.
		assertThat(timers).contains(entry(id + ":SIGN:WARNING_70", at("2026-04-29T17:24")),
				entry(id + ":SIGN:WARNING_90", at("2026-04-30T09:18")),
				entry(id + ":SIGN:OVERDUE", at("2026-04-30T10:00")),
				entry(id + ":SIGN:ESCALATED_UNIT_LEADER", at("2026-05-06T10:00")),
				entry(id + ":SIGN:ESCALATED_BRANCH", at("2026-05-07T10:00")));
		// 答复 within 5 working days: 30 April, 6, 7, 8 May and the worked Saturday 9 May.
		assertThat(timers).contains(entry(id + ":REPLY:WARNING_70", at("2026-05-07T16:00")),
				entry(id + ":REPLY:WARNING_90", at("2026-05-08T16:00")),
				entry(id + ":REPLY:OVERDUE", at("2026-05-09T10:00")),
				entry(id + ":REPLY:ESCALATED_UNIT_LEADER", at("2026-05-11T10:00")),
				entry(id + ":REPLY:ESCALATED_BRANCH", at("2026-05-12T10:00")));
		assertThat(timers).containsEntry(id + ":CLOSE:OVERDUE", at("2026-05-15T10:00"));
	}

	@Test
	void signingCancelsTheSignTimersAndAnExtensionMovesTheReplyTimersInPlace() {
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();
		clock.set(at("2026-04-29T11:00"));
		desk.sign(handler(), id, version(id));
		assertThat(timers(id)).hasSize(10).noneSatisfy((instance, time) -> assertThat(instance).contains("SIGN"));

		desk.requestExtension(handler(), id, version(id), 2, "需要调取监控");
		desk.approveExtension(coordinator(), id, version(id), null);

		Map<String, Instant> timers = timers(id);
		assertThat(timers).hasSize(10);
		// Two more working days after Saturday 9 May: Monday 11 and Tuesday 12 May.
		assertThat(timers).containsEntry(id + ":REPLY:OVERDUE", at("2026-05-12T10:00"))
			.containsEntry(id + ":CLOSE:OVERDUE", at("2026-05-19T10:00"));
		assertThat(desk.details(coordinator(), id).deadlines().replyDue()).isEqualTo(at("2026-05-12T10:00"));
	}

	@Test
	void waitingForTheSubmitterStopsTheReplyTimersAndResumingSetsThemLater() {
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();
		desk.sign(handler(), id, version(id));
		clock.set(at("2026-04-30T10:00"));
		desk.waitForSubmitter(handler(), id, version(id), "请提供具体时间");
		assertThat(timers(id)).isEmpty();

		// Back on Wednesday 6 May at 10:00: one working day (7 business hours) was spent waiting.
		clock.set(at("2026-05-06T10:00"));
		desk.resume(handler(), id, version(id), null);

		Map<String, Instant> timers = timers(id);
		assertThat(timers).hasSize(10).containsEntry(id + ":REPLY:OVERDUE", at("2026-05-11T10:00"));
		// 70 % of 35 working hours is worked on Friday 8 May at 16:00: 7 hours before the wait, 17.5 after it.
		assertThat(timers).containsEntry(id + ":REPLY:WARNING_70", at("2026-05-08T16:00"));
	}

	@Test
	void aClosedMattersPendingTimersDoNothing() {
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();
		NoticeTimer pending = new NoticeTimer(id, DeadlineKind.CLOSE, NoticeKind.OVERDUE, at("2026-05-15T10:00"));
		desk.sign(handler(), id, version(id));
		desk.draftReply(handler(), id, version(id), "已约谈组织者，调低音量。", "每晚九点后停止");
		desk.approveReply(staff(Role.UNIT_LEADER, station), id, version(id));
		desk.recordFollowUp(coordinator(), id, version(id), Satisfaction.SATISFIED, null);
		assertThat(desk.details(coordinator(), id).state()).isEqualTo(MatterState.CLOSED);

		assertThat(timers(id)).isEmpty();
		clock.set(at("2026-05-20T10:00"));
		assertThat(firing.fire(pending)).isFalse();
		assertThat(notices(id)).isZero();
		assertThat(desk.details(coordinator(), id).supervised()).isFalse();
	}

	@Test
	void aTimerForaDueInstantThatMovedDoesNothing() {
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();
		NoticeTimer stale = new NoticeTimer(id, DeadlineKind.REPLY, NoticeKind.OVERDUE, at("2026-05-08T10:00"));
		clock.set(at("2026-05-09T11:00"));
		assertThat(firing.fire(stale)).isFalse();
		assertThat(notices(id)).isZero();
	}

	@Test
	void anOverdueTimerFiredTwiceWritesOneNoticeAndSupervisesOnce() {
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();
		NoticeTimer overdue = new NoticeTimer(id, DeadlineKind.SIGN, NoticeKind.OVERDUE, at("2026-04-30T10:00"));
		clock.set(at("2026-04-30T10:00"));

		assertThat(firing.fire(overdue)).isTrue();
		assertThat(firing.fire(overdue)).isFalse();

		assertThat(notices(id)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT supervision_count FROM matter WHERE id = :id").param("id", id).query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT target_unit_id FROM matter_notice WHERE matter_id = :id").param("id", id)
			.query(Long.class).single()).isEqualTo(station);
	}

	@Test
	void theBranchEscalationGoesToTheBranch() {
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();
		clock.set(at("2026-05-07T10:00"));
		assertThat(firing.fire(new NoticeTimer(id, DeadlineKind.SIGN, NoticeKind.ESCALATED_BRANCH,
				at("2026-04-30T10:00")))).isTrue();
		assertThat(jdbc.sql("SELECT target_unit_id || ':' || target_role FROM matter_notice WHERE matter_id = :id")
			.param("id", id).query(String.class).single()).isEqualTo(branch + ":BRANCH_LEADER");
	}

	@Test
	void timersAreWrittenInTheTransactionOfTheAction() {
		clock.set(at("2026-04-29T10:00"));
		long id = dispatchedComplaint();
		TaskInstanceId extra = TaskInstanceId.of(DeadlineTimers.TASK_NAME, id + ":TEST");
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			timers.scheduleIfNotExists(
					new DeadlineTimers().deadlineNoticeTask(firing).instance(extra.getId(),
							new NoticeTimer(id, DeadlineKind.SIGN, NoticeKind.OVERDUE, Instant.EPOCH)),
					Instant.now());
			assertThat(timers.getScheduledExecution(extra)).isPresent();
			status.setRollbackOnly();
		});
		assertThat(timers.getScheduledExecution(extra)).isEmpty();
		assertThat(timers(id)).hasSize(15);
	}

}
