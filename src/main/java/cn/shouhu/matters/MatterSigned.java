package cn.shouhu.matters;

import java.time.Instant;

/** The lead unit signed for (签收) the matter. */
public record MatterSigned(long matterId, long unitId, Instant signDue, Instant occurredAt) implements MatterEvent {
}
