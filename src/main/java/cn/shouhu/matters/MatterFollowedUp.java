package cn.shouhu.matters;

import java.time.Instant;

/** The submitter's satisfaction was recorded (回访). */
public record MatterFollowedUp(long matterId, Long unitId, Satisfaction satisfaction, boolean bySubmitter,
		Instant occurredAt) implements MatterEvent {
}
