package cn.shouhu.matters;

import java.time.Instant;

/** A matter came in (受理) from any channel. */
public record MatterReceived(long matterId, Channel channel, MatterKind kind, String categoryCode, Urgency urgency,
		Instant occurredAt) implements MatterEvent {
}
