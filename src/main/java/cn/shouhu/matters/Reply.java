package cn.shouhu.matters;

import java.time.Instant;

/**
 * The answer to the submitter (答复) with the rectification measures (整改措施): drafted by a handler, approved by
 * the unit leader. Until approved, {@code approvedAt} is null and the submitter sees nothing of it.
 */
public record Reply(String text, String measures, Long draftedBy, String draftedByName, Instant draftedAt,
		Long approvedBy, String approvedByName, Instant approvedAt) {

	public boolean isApproved() {
		return approvedAt != null;
	}

	Reply approved(Long officerId, String officerName, Instant at) {
		return new Reply(text, measures, draftedBy, draftedByName, draftedAt, officerId, officerName, at);
	}

}
