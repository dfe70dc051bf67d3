package cn.shouhu.matters.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.matters.CoHandlingTask;
import cn.shouhu.matters.Deadlines;
import cn.shouhu.matters.MatterDetails;
import cn.shouhu.matters.MatterState;

/**
 * One deadline of a matter as the page shows it: what is due, when, and the working time left or by how much it
 * is overdue, counted on the working-day calendar. While the matter waits for the submitter its clock is stopped.
 *
 * @param labelKey the bundle key naming the deadline
 * @param met whether what was due has been done (signed, replied, closed, the task finished)
 */
record DeadlineView(String labelKey, String labelArg, Instant due, boolean met, boolean paused, boolean overdue,
		long hours, long minutes) {

	static List<DeadlineView> of(MatterDetails matter, WorkingCalendar calendar, Instant now) {
		Deadlines d = matter.deadlines();
		boolean paused = matter.state() == MatterState.WAITING_FOR_SUBMITTER;
		Instant clockAt = paused && d.pausedSince() != null ? d.pausedSince() : now;
		List<DeadlineView> views = new ArrayList<>();
		add(views, "matters-web.due.sign", null, d.signDue(), matter.signedAt() != null, paused, clockAt, calendar);
		add(views, "matters-web.due.return", null, matter.state() == MatterState.DISPATCHED
				|| matter.state() == MatterState.SIGNED ? d.returnDue() : null, false, paused, clockAt, calendar);
		boolean replied = matter.state() == MatterState.REPLIED || !matter.state().isOpen()
				|| matter.state() == MatterState.REPLY_PENDING_APPROVAL;
		add(views, "matters-web.due.reply", null, d.replyDue(), replied, paused, clockAt, calendar);
		add(views, "matters-web.due.close", null, d.closeDue(), !matter.state().isOpen(), paused, clockAt, calendar);
		add(views, "matters-web.due.reopen", null, matter.state() == MatterState.REPLIED ? d.reopenDue() : null, false,
				false, now, calendar);
		for (CoHandlingTask task : matter.tasks()) {
			add(views, "matters-web.due.task", String.valueOf(task.taskNo()), task.due(), !task.isOpen(), paused,
					clockAt, calendar);
		}
		return views;
	}

	private static void add(List<DeadlineView> views, String key, String arg, Instant due, boolean met,
			boolean paused, Instant now, WorkingCalendar calendar) {
		if (due == null) {
			return;
		}
		if (met) {
			views.add(new DeadlineView(key, arg, due, true, false, false, 0, 0));
			return;
		}
		boolean overdue = now.isAfter(due);
		Duration between = overdue ? calendar.workingTimeBetween(due, now) : calendar.workingTimeBetween(now, due);
		views.add(new DeadlineView(key, arg, due, false, paused, overdue, between.toHours(),
				between.toMinutesPart()));
	}

}
