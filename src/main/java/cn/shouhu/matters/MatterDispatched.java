package cn.shouhu.matters;

import java.time.Instant;

/** The coordinator dispatched (分派) the matter to a lead unit, or re-dispatched it after a return. */
public record MatterDispatched(long matterId, long leadUnitId, String categoryCode, MatterKind kind, Urgency urgency,
		Instant signDue, Instant replyDue, Instant closeDue, boolean redispatch, Instant occurredAt)
		implements MatterEvent {
}
