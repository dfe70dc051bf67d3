package cn.shouhu.matters;

import java.time.Instant;

/** The unit leader sent the draft reply back. */
public record MatterReplyRejected(long matterId, long unitId, Instant occurredAt) implements MatterEvent {
}
