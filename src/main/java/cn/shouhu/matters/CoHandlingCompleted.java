package cn.shouhu.matters;

import java.time.Instant;

/** A co-handling unit's result was recorded. */
public record CoHandlingCompleted(long matterId, int taskNo, long unitId, Instant occurredAt) implements MatterEvent {
}
