package cn.shouhu.matters;

import java.time.Duration;
import java.time.Instant;

/**
 * A matter's due instants, counted on the working-day calendar from its dispatch to the present lead unit.
 *
 * @param signDue 签收 by
 * @param replyDue 答复 by; moved by an approved extension and by the time spent waiting for the submitter
 * @param closeDue 办结 by; moved like the reply deadline
 * @param returnDue the unit may return (退单) the matter until then
 * @param reopenDue an unsatisfied follow-up until then reopens the matter (set when the reply is approved)
 * @param pausedSince when the present wait for the submitter began, or null
 * @param pausedSeconds business time spent waiting for the submitter so far, in seconds
 * @param extendedDays working days granted by approved extensions
 */
public record Deadlines(Instant signDue, Instant replyDue, Instant closeDue, Instant returnDue, Instant reopenDue,
		Instant pausedSince, long pausedSeconds, int extendedDays) {

	static final Deadlines NONE = new Deadlines(null, null, null, null, null, null, 0, 0);

	public Duration pausedWorkingTime() {
		return Duration.ofSeconds(pausedSeconds);
	}

	Deadlines withReopenDue(Instant due) {
		return new Deadlines(signDue, replyDue, closeDue, returnDue, due, pausedSince, pausedSeconds, extendedDays);
	}

	Deadlines pausedAt(Instant at) {
		return new Deadlines(signDue, replyDue, closeDue, returnDue, reopenDue, at, pausedSeconds, extendedDays);
	}

	/** The unit is off the matter (returned, merged): nothing is due from it any more. */
	Deadlines cleared() {
		return new Deadlines(null, null, null, null, reopenDue, null, pausedSeconds, extendedDays);
	}

}
