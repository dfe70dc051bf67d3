package cn.shouhu.matters;

import java.time.Instant;

/** The lead unit returned (退单) the matter to the coordinators. */
public record MatterReturned(long matterId, long unitId, Instant occurredAt) implements MatterEvent {
}
