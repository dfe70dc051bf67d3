package cn.shouhu.matters;

import java.time.Instant;

/** The coordinator granted an extension; the deadlines moved. */
public record MatterExtensionApproved(long matterId, long unitId, int days, Instant replyDue, Instant closeDue,
		Instant occurredAt) implements MatterEvent {
}
