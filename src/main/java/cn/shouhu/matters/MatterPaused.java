package cn.shouhu.matters;

import java.time.Instant;

/** The lead unit is waiting for the submitter; the clock stopped. */
public record MatterPaused(long matterId, long unitId, Instant occurredAt) implements MatterEvent {
}
