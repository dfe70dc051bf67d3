package cn.shouhu.matters;

import java.time.Instant;

/** A co-handling task was withdrawn. */
public record CoHandlingCancelled(long matterId, int taskNo, long unitId, Instant occurredAt) implements MatterEvent {
}
