package cn.shouhu.matters;

import java.time.Instant;

/** A pending request for more time (延期申请), waiting for the coordinator. */
public record ExtensionRequest(Integer days, String reason, Instant requestedAt, Long requestedBy,
		String requestedByName) {
}
