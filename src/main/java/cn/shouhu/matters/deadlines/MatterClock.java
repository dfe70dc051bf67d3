package cn.shouhu.matters.deadlines;

import java.time.Instant;
import java.util.List;

import cn.shouhu.matters.MatterState;

/**
 * What the timers need of a matter, read afresh from the database each time: its state, lead unit, due instants,
 * when its present limits started and the waits for the submitter since.
 *
 * @param unitPath the lead unit's materialised path, whose first id is the branch
 * @param dispatchedAt the sign limit counts from here
 * @param limitsStart the reply and close limits count from here: the dispatch, or the latest reopening (重办)
 * @param pauses the waits for the submitter (等待群众补充) since {@code limitsStart}, in order; the last one may be open
 */
record MatterClock(long matterId, MatterState state, Long leadUnitId, String unitPath, Instant dispatchedAt,
		Instant limitsStart, Instant signDue, Instant replyDue, Instant closeDue, List<Pause> pauses) {

	/** A wait for the submitter; {@code to} is null while it lasts. */
	record Pause(Instant from, Instant to) {
	}

	Instant startOf(DeadlineKind kind) {
		return kind == DeadlineKind.SIGN ? dispatchedAt : limitsStart;
	}

	List<Pause> pausesOf(DeadlineKind kind) {
		return kind == DeadlineKind.SIGN ? List.of() : pauses;
	}

	/** The branch at the root of the lead unit's path ({@code /1/4/9/} → 1). */
	Long branchUnitId() {
		if (unitPath == null || unitPath.length() < 3) {
			return leadUnitId;
		}
		return Long.valueOf(unitPath.substring(1, unitPath.indexOf('/', 1)));
	}

}
