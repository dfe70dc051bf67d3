package cn.shouhu.matters.deadlines;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.shared.ConflictException;

/**
 * What a timer does when it falls due: re-reads the matter and, if the deadline is still owed with the same due
 * instant, writes the notice; an overdue notice also puts the matter under supervision (督办). The notice's unique
 * key makes this exactly once: a second firing (another node, a retry) inserts nothing and supervises nothing.
 */
@Component
class NoticeFiring {

	private static final Logger log = LoggerFactory.getLogger(NoticeFiring.class);

	/** A concurrent action on the matter wins the version check; the supervision is tried again at once. */
	private static final int ATTEMPTS = 5;

	private final MatterClocks clocks;

	private final JdbcClient jdbc;

	private final MatterDesk desk;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	NoticeFiring(MatterClocks clocks, JdbcClient jdbc, MatterDesk desk, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.clocks = clocks;
		this.jdbc = jdbc;
		this.desk = desk;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** @return whether a notice was written now */
	boolean fire(NoticeTimer timer) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(transaction.execute(status -> fireOnce(timer)));
			}
			catch (ConflictException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
				log.debug("Timer {} met a concurrent change of its matter; trying again", timer.instanceId());
			}
		}
	}

	private boolean fireOnce(NoticeTimer timer) {
		Optional<MatterClock> found = clocks.find(timer.matterId());
		if (found.isEmpty()) {
			return false;
		}
		MatterClock matter = found.get();
		if (!timer.deadline().runningOn(matter) || !timer.dueAt().equals(timer.deadline().dueOf(matter))) {
			return false;
		}
		long targetUnit = timer.notice() == NoticeKind.ESCALATED_BRANCH ? matter.branchUnitId() : matter.leadUnitId();
		String targetRole = timer.notice().targetRole() == null ? null : timer.notice().targetRole().name();
		int inserted = jdbc.sql("""
				INSERT INTO matter_notice (matter_id, deadline_kind, notice_kind, target_unit_id, target_role, due_at,
				                           created_at)
				VALUES (:matter, :deadline, :notice, :unit, :role, :due, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("matter", timer.matterId())
			.param("deadline", timer.deadline().name())
			.param("notice", timer.notice().name())
			.param("unit", targetUnit)
			.param("role", targetRole)
			.param("due", timer.dueAt().atOffset(ZoneOffset.UTC))
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		if (inserted == 0) {
			return false;
		}
		audit.record(AuditRecord.created("matters", "matter_notice", timer.instanceId(),
				Map.of("matterId", timer.matterId(), "deadline", timer.deadline().name(), "notice",
						timer.notice().name(), "targetUnitId", targetUnit, "dueAt", timer.dueAt().toString())));
		if (timer.notice() == NoticeKind.OVERDUE) {
			desk.superviseOverdue(timer.matterId());
		}
		return true;
	}

}
