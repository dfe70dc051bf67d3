package cn.shouhu.matters;

import java.time.Instant;

/** The matter was marked as a duplicate of another, both going on. */
public record MatterLinked(long matterId, long duplicateOf, Instant occurredAt) implements MatterEvent {
}
