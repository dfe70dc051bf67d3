package cn.shouhu.matters;

import java.time.Instant;

/** A unit was asked to co-handle (协办) the matter. */
public record CoHandlingRequested(long matterId, int taskNo, long unitId, Instant due, Instant occurredAt)
		implements MatterEvent {
}
