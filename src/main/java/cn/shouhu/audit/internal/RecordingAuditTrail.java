package cn.shouhu.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;

/**
 * The audit trail for business changes. {@link #record} must run inside the transaction of the change (like
 * {@code Propagation.MANDATORY}: without one it fails, because a record that could commit without its change, or
 * a change without its record, is exactly what an audit trail must not allow). Who, when and from where are taken
 * at the call; the row is appended just before the transaction commits, so the chain head's lock is held only
 * for the instant of the commit and never while the business change is still taking its own locks.
 */
@Service
class RecordingAuditTrail implements AuditTrail {

	private final AuditChain chain;

	private final Clock clock;

	RecordingAuditTrail(AuditChain chain, ObjectProvider<Clock> clock) {
		this.chain = chain;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void record(AuditRecord record) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("AuditTrail.record must run inside the transaction of the change it "
					+ "records (" + record.module() + " " + record.action() + ")");
		}
		AuditContext.Actor actor = AuditContext.currentActor();
		PendingEvent event = new PendingEvent(clock.instant(), actor.name(), actor.unitId(), AuditContext.currentIp(),
				record.module(), record.action(), Outcome.SUCCESS, record.targetType(), record.targetId(),
				DetailJson.beforeAfter(record.before(), record.after()));
		PendingEvents pending = pendingEvents();
		if (pending.flushed) {
			// Recorded by another synchronisation's beforeCommit after ours ran: still inside the transaction.
			chain.append(List.of(event));
		}
		else {
			pending.events.add(event);
		}
	}

	/** The current transaction's pending events; suspended and resumed with the transaction's synchronisations. */
	private PendingEvents pendingEvents() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingEvents pending && pending.chain == chain) {
				return pending;
			}
		}
		PendingEvents pending = new PendingEvents(chain);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	private static final class PendingEvents implements TransactionSynchronization {

		private final AuditChain chain;

		private final List<PendingEvent> events = new ArrayList<>();

		private boolean flushed;

		PendingEvents(AuditChain chain) {
			this.chain = chain;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			flushed = true;
			chain.append(events);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
