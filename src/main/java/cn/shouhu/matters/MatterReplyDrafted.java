package cn.shouhu.matters;

import java.time.Instant;

/** A handler drafted the reply; it waits for the unit leader. */
public record MatterReplyDrafted(long matterId, long unitId, Instant occurredAt) implements MatterEvent {
}
