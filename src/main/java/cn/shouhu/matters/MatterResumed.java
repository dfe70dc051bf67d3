package cn.shouhu.matters;

import java.time.Instant;

/** The wait for the submitter ended; the deadlines moved by the business time waited. */
public record MatterResumed(long matterId, long unitId, long pausedWorkingSeconds, Instant replyDue, Instant closeDue,
		Instant occurredAt) implements MatterEvent {
}
