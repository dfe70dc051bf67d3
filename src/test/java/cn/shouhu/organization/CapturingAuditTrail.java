package cn.shouhu.organization;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;

/**
 * Stands in for the audit module: keeps the records of committed transactions only, as the real trail (written in
 * the same transaction) would.
 */
public class CapturingAuditTrail implements AuditTrail {

	private final List<AuditRecord> committed = new CopyOnWriteArrayList<>();

	@Override
	public void record(AuditRecord record) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Audit records are written inside the change's transaction");
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				committed.add(record);
			}
		});
	}

	public List<AuditRecord> records() {
		return List.copyOf(committed);
	}

	public List<String> actions() {
		return committed.stream().map(AuditRecord::action).toList();
	}

	public void clear() {
		committed.clear();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		CapturingAuditTrail capturingAuditTrail() {
			return new CapturingAuditTrail();
		}

	}

}
