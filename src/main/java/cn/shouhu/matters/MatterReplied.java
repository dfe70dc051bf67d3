package cn.shouhu.matters;

import java.time.Instant;

/** The unit leader approved the reply (答复); the submitter can see it. */
public record MatterReplied(long matterId, long unitId, Instant replyDue, Instant reopenDue, Instant occurredAt)
		implements MatterEvent {
}
