package cn.shouhu.audit.internal;

import java.time.Instant;

/** One row of the audit trail, as stored: its place in the chain, what happened, and the chain's hashes. */
public record AuditEvent(long id, Instant occurredAt, String actor, Long actorUnitId, String ip, String module,
		String action, Outcome outcome, String targetType, String targetId, String detail, String prevHash,
		String hash) {

	/** The hash this row should have, recomputed from its columns and its stored previous hash. */
	public String expectedHash() {
		return ChainHash.of(id, prevHash, occurredAt, actor, actorUnitId, ip, module, action, outcome.name(),
				targetType, targetId, detail);
	}

}
