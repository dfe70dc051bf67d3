package cn.shouhu.audit.internal;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The chain's guarantees on PostgreSQL, in a database of its own that is dropped afterwards. Skipped where no
 * server answers on 127.0.0.1:5432 (trust authentication, user postgres).
 */
@EnabledIf("cn.shouhu.audit.internal.AuditDatabase#postgresReachable")
class AuditChainPostgresTest extends AuditChainContract {

	@Override
	AuditDatabase open() {
		return AuditDatabase.postgres();
	}

}
