package cn.shouhu.matters.deadlines;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import cn.shouhu.matters.MatterState;

/** The three limits a matter runs against, and the states in which each is still owed. */
enum DeadlineKind {

	/** 签收: owed until the unit signs. */
	SIGN(EnumSet.of(MatterState.DISPATCHED)),
	/** 答复: owed until the unit leader approves the reply; not while waiting for the submitter (the clock stops). */
	REPLY(EnumSet.of(MatterState.DISPATCHED, MatterState.SIGNED, MatterState.IN_PROGRESS,
			MatterState.REPLY_PENDING_APPROVAL, MatterState.REOPENED)),
	/** 办结: owed until the matter closes. */
	CLOSE(EnumSet.of(MatterState.DISPATCHED, MatterState.SIGNED, MatterState.IN_PROGRESS,
			MatterState.REPLY_PENDING_APPROVAL, MatterState.REOPENED, MatterState.REPLIED));

	private final Set<MatterState> owedIn;

	DeadlineKind(Set<MatterState> owedIn) {
		this.owedIn = owedIn;
	}

	boolean owedIn(MatterState state) {
		return owedIn.contains(state);
	}

	Instant dueOf(MatterClock clock) {
		return switch (this) {
			case SIGN -> clock.signDue();
			case REPLY -> clock.replyDue();
			case CLOSE -> clock.closeDue();
		};
	}

	/** Whether this limit is owed now, with a due instant to run against. */
	boolean runningOn(MatterClock clock) {
		return owedIn(clock.state()) && dueOf(clock) != null && clock.leadUnitId() != null;
	}

}
