package cn.shouhu.matters;

import java.time.Instant;

/** 回访: the submitter's satisfaction with the reply, recorded by staff or by the submitter. */
public record FollowUp(Satisfaction satisfaction, String comment, Boolean bySubmitter, Long recordedBy,
		String recordedByName, Instant recordedAt) {
}
