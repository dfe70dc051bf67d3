package cn.shouhu.matters.deadlines;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * One timer's data, stored with it in {@code scheduled_tasks}: which step of which deadline of which matter, and
 * the due instant it was scheduled for (a timer for a due instant that has since moved does nothing).
 */
record NoticeTimer(long matterId, DeadlineKind deadline, NoticeKind notice, Instant dueAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The timer's instance id, the same whenever the step is (re)scheduled: {@code 42:REPLY:WARNING_70}. */
	String instanceId() {
		return instanceId(matterId, deadline, notice);
	}

	static String instanceId(long matterId, DeadlineKind deadline, NoticeKind notice) {
		return matterId + ":" + deadline + ":" + notice;
	}

}
