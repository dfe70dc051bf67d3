package cn.shouhu.matters;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.shared.ConflictException;

/**
 * Computes a matter's due instants (限时办理) from the time-limit policy on the working-day calendar: at dispatch,
 * when it is reopened, when an extension is granted and when the wait for the submitter ends.
 */
@Component
class DeadlinePolicy {

	private final TimeLimitPolicy policy;

	private final WorkingCalendar calendar;

	DeadlinePolicy(TimeLimitPolicy policy, WorkingCalendar calendar) {
		this.policy = policy;
		this.calendar = calendar;
	}

	/** The limits that apply; a kind without a catch-all row cannot be dispatched until an admin adds one. */
	TimeLimits limitsFor(MatterKind kind, String categoryCode, Urgency urgency) {
		return policy.limitsFor(kind, categoryCode, urgency)
			.orElseThrow(() -> new ConflictException("matters.policy.missing"));
	}

	/** Every limit counts from the dispatch to the unit: a re-dispatch or a transfer gives the new unit its own. */
	Deadlines atDispatch(MatterKind kind, String categoryCode, Urgency urgency, Instant dispatchedAt) {
		TimeLimits limits = limitsFor(kind, categoryCode, urgency);
		return new Deadlines(limits.sign().after(dispatchedAt, calendar), limits.reply().after(dispatchedAt, calendar),
				limits.close().after(dispatchedAt, calendar),
				calendar.plusWorkingDays(dispatchedAt, limits.returnDays()), null, null, 0, 0);
	}

	/** 重办: the unit gets its reply and close limits again, from the moment of reopening; it cannot return it. */
	Deadlines reopened(Deadlines current, MatterKind kind, String categoryCode, Urgency urgency, Instant reopenedAt) {
		TimeLimits limits = limitsFor(kind, categoryCode, urgency);
		return new Deadlines(current.signDue(), limits.reply().after(reopenedAt, calendar),
				limits.close().after(reopenedAt, calendar), null, null, null, current.pausedSeconds(),
				current.extendedDays());
	}

	/** An approved extension moves the reply and close deadlines by whole working days. */
	Deadlines extended(Deadlines current, int days) {
		return new Deadlines(current.signDue(), calendar.plusWorkingDays(current.replyDue(), days),
				calendar.plusWorkingDays(current.closeDue(), days), current.returnDue(), current.reopenDue(),
				current.pausedSince(), current.pausedSeconds(), current.extendedDays() + days);
	}

	/** The business time spent waiting for the submitter moves the reply and close deadlines by as much. */
	Deadlines resumed(Deadlines current, Instant resumedAt) {
		Duration paused = calendar.workingTimeBetween(current.pausedSince(), resumedAt);
		return new Deadlines(current.signDue(), calendar.plusWorkingTime(current.replyDue(), paused),
				calendar.plusWorkingTime(current.closeDue(), paused), current.returnDue(), current.reopenDue(), null,
				current.pausedSeconds() + paused.toSeconds(), current.extendedDays());
	}

	/** Until when an unsatisfied follow-up reopens the matter. */
	Instant reopenWindowEnd(MatterKind kind, String categoryCode, Urgency urgency, Instant repliedAt) {
		return calendar.plusWorkingDays(repliedAt, limitsFor(kind, categoryCode, urgency).reopenDays());
	}

}
