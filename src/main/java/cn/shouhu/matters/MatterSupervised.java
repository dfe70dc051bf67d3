package cn.shouhu.matters;

import java.time.Instant;

/** The matter was put under supervision (督办), by a coordinator or automatically. */
public record MatterSupervised(long matterId, Long unitId, boolean automatic, Instant occurredAt)
		implements MatterEvent {
}
