package cn.shouhu.matters;

import java.time.Instant;

/** The coordinator refused an extension. */
public record MatterExtensionRefused(long matterId, long unitId, Instant occurredAt) implements MatterEvent {
}
