package cn.shouhu.matters;

import java.time.Instant;

/** The matter was closed (办结). */
public record MatterClosed(long matterId, Long unitId, Satisfaction satisfaction, Instant closeDue,
		boolean followedMaster, Instant occurredAt) implements MatterEvent {
}
