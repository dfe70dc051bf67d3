package cn.shouhu.matters;

import java.time.Instant;

/** The lead unit asked for more time (延期). */
public record MatterExtensionRequested(long matterId, long unitId, int days, Instant occurredAt)
		implements MatterEvent {
}
