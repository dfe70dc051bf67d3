package cn.shouhu.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the hash chain. Every append locks the one-row chain head ({@code SELECT ... FOR UPDATE}), gives each
 * event the next id and a hash over the previous hash and its columns, inserts it and moves the head — all in the
 * caller's transaction, so appends from several application nodes queue up on the head's row lock and the chain
 * never forks, and an append that rolls back leaves neither a row nor a gap.
 */
@Component
public class AuditChain {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	public AuditChain(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = JdbcClient.create(dataSource);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Appends inside the current transaction, which must exist: the events commit or roll back with it. */
	public List<AuditEvent> append(List<PendingEvent> events) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Audit events are appended inside a transaction");
		}
		if (events.isEmpty()) {
			return List.of();
		}
		Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head((Long) rs.getObject("last_id", Long.class), rs.getString("last_hash")))
			.single();
		long id = head.lastId() == null ? 0 : head.lastId();
		String prevHash = head.lastHash();
		List<AuditEvent> appended = new ArrayList<>(events.size());
		for (PendingEvent e : events) {
			id++;
			String hash = ChainHash.of(id, prevHash, e.occurredAt(), e.actor(), e.actorUnitId(), e.ip(), e.module(),
					e.action(), e.outcome().name(), e.targetType(), e.targetId(), e.detail());
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, actor, actor_unit_id, ip, module, action, outcome,
					                         target_type, target_id, detail, prev_hash, hash)
					VALUES (:id, :occurredAt, :actor, :actorUnitId, :ip, :module, :action, :outcome,
					        :targetType, :targetId, :detail, :prevHash, :hash)
					""")
				.param("id", id)
				.param("occurredAt", OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
				.param("actor", e.actor())
				.param("actorUnitId", e.actorUnitId())
				.param("ip", e.ip())
				.param("module", e.module())
				.param("action", e.action())
				.param("outcome", e.outcome().name())
				.param("targetType", e.targetType())
				.param("targetId", e.targetId())
				.param("detail", e.detail())
				.param("prevHash", prevHash)
				.param("hash", hash)
				.update();
			appended.add(new AuditEvent(id, e.occurredAt(), e.actor(), e.actorUnitId(), e.ip(), e.module(),
					e.action(), e.outcome(), e.targetType(), e.targetId(), e.detail(), prevHash, hash));
			prevHash = hash;
		}
		jdbc.sql("UPDATE audit_chain_head SET last_id = :lastId, last_hash = :lastHash WHERE id = 1")
			.param("lastId", id)
			.param("lastHash", prevHash)
			.update();
		return appended;
	}

	/**
	 * Appends in a transaction of its own, for events that belong to no business change: sign-ins, denials, the
	 * auditor's own exports and verifications.
	 */
	public AuditEvent appendAlone(PendingEvent event) {
		return ownTransaction.execute(status -> append(List.of(event)).get(0));
	}

	/** An event that happens now, by the current actor, from the current request's address. */
	public static PendingEvent now(Instant at, String module, String action, Outcome outcome, String targetType,
			String targetId, String detail) {
		AuditContext.Actor actor = AuditContext.currentActor();
		return new PendingEvent(at, actor.name(), actor.unitId(), AuditContext.currentIp(), module, action, outcome,
				targetType, targetId, detail);
	}

	private record Head(Long lastId, String lastHash) {
	}

}
