package cn.shouhu.matters.deadlines;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>
 * Timers that fall due together are fired together: each scheduler thread puts its timer in line, and whichever
 * thread gets the turn fires everyone in line in one transaction, while the others wait for their answer. A burst
 * of warnings then costs one audit-chain append and one commit per batch instead of per timer, which is what a
 * burst waits for (every audited transaction queues on the chain's head), and holds one connection instead of
 * one per thread. Should a batch fail (a concurrent change of one of its matters, say), it rolls back whole and
 * each of its timers is fired alone, as before.
 */
@Component
class NoticeFiring {

	private static final Logger log = LoggerFactory.getLogger(NoticeFiring.class);

	/** A concurrent action on the matter wins the version check; the supervision is tried again at once. */
	private static final int ATTEMPTS = 5;

	/** Enough to make a burst cheap, few enough that a batch's transaction stays short. */
	private static final int MAX_BATCH = 50;

	private final MatterClocks clocks;

	private final JdbcClient jdbc;

	private final MatterDesk desk;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	/** Timers put in line by scheduler threads, fired by whichever thread holds {@link #turn}. */
	private final Queue<Waiting> line = new ConcurrentLinkedQueue<>();

	/** Package-private for the tests, which hold it to line timers up behind it. */
	final ReentrantLock turn = new ReentrantLock();

	NoticeFiring(MatterClocks clocks, JdbcClient jdbc, MatterDesk desk, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.clocks = clocks;
		this.jdbc = jdbc;
		this.desk = desk;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Fires the timer, with any others in line at the same moment.
	 * @return whether a notice was written now
	 */
	boolean fire(NoticeTimer timer) {
		Waiting mine = new Waiting(timer);
		line.add(mine);
		turn.lock();
		try {
			// The previous turn may have fired this one already; otherwise fire the line up to and including it.
			while (!mine.fired.isDone()) {
				List<Waiting> batch = new ArrayList<>();
				for (Waiting next; batch.size() < MAX_BATCH && (next = line.poll()) != null;) {
					batch.add(next);
				}
				fire(batch);
			}
		}
		finally {
			turn.unlock();
		}
		try {
			return mine.fired.join();
		}
		catch (CompletionException e) {
			// This timer's own failure, thrown in this scheduler thread so that db-scheduler sees it.
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	private void fire(List<Waiting> batch) {
		try {
			if (batch.size() > 1 && firedTogether(batch)) {
				return;
			}
			for (Waiting waiting : batch) {
				try {
					waiting.fired.complete(fireAlone(waiting.timer));
				}
				catch (RuntimeException e) {
					waiting.fired.completeExceptionally(e);
				}
			}
		}
		finally {
			// Whatever went wrong (an Error, say), no thread may wait for an answer that will not come.
			batch.stream()
				.filter(waiting -> !waiting.fired.isDone())
				.forEach(waiting -> waiting.fired.completeExceptionally(new IllegalStateException("Not fired")));
		}
	}

	/** @return whether the batch was fired in one transaction; if not, nothing of it was written */
	private boolean firedTogether(List<Waiting> batch) {
		List<Boolean> written;
		try {
			written = transaction.execute(status -> batch.stream().map(waiting -> fireOnce(waiting.timer)).toList());
		}
		catch (RuntimeException e) {
			log.debug("A batch of {} timers failed ({}); firing each alone", batch.size(), e.toString());
			return false;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).fired.complete(written.get(i));
		}
		return true;
	}

	private boolean fireAlone(NoticeTimer timer) {
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
		// Which node fired what, when two or more share the database (the two-node failure test counts these).
		log.debug("Notice written: {}", timer.instanceId());
		audit.record(AuditRecord.created("matters", "matter_notice", timer.instanceId(),
				Map.of("matterId", timer.matterId(), "deadline", timer.deadline().name(), "notice",
						timer.notice().name(), "targetUnitId", targetUnit, "dueAt", timer.dueAt().toString())));
		if (timer.notice() == NoticeKind.OVERDUE) {
			desk.superviseOverdue(timer.matterId());
		}
		return true;
	}

	/** A timer in line, and its answer once fired. */
	private static final class Waiting {

		final NoticeTimer timer;

		final CompletableFuture<Boolean> fired = new CompletableFuture<>();

		Waiting(NoticeTimer timer) {
			this.timer = timer;
		}

	}

}
