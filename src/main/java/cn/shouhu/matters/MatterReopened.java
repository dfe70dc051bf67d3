package cn.shouhu.matters;

import java.time.Instant;

/** An unsatisfied follow-up within the window reopened (重办) the matter, under supervision. */
public record MatterReopened(long matterId, long unitId, int reopenCount, Instant replyDue, Instant closeDue,
		Instant occurredAt) implements MatterEvent {
}
