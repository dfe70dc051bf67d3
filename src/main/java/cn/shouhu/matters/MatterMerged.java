package cn.shouhu.matters;

import java.time.Instant;

/** The matter was merged into a master and will follow its outcome. */
public record MatterMerged(long matterId, long masterId, Instant occurredAt) implements MatterEvent {
}
