package cn.shouhu.matters;

import java.time.Instant;

/** The lead unit recorded progress. */
public record MatterProgressRecorded(long matterId, long unitId, Instant occurredAt) implements MatterEvent {
}
