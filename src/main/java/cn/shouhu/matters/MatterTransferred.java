package cn.shouhu.matters;

import java.time.Instant;

/** The matter was transferred (转办) to another unit, which must sign it anew. */
public record MatterTransferred(long matterId, long fromUnitId, long toUnitId, Instant signDue, Instant replyDue,
		Instant closeDue, Instant occurredAt) implements MatterEvent {
}
