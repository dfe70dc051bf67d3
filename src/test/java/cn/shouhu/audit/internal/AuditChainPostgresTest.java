package cn.shouhu.audit.internal;

import cn.shouhu.PostgresTest;

/**
 * The chain's guarantees on PostgreSQL, each test in a database of its own that is dropped afterwards. Skipped
 * where no server is reachable (see {@link PostgresTest}).
 */
@PostgresTest
class AuditChainPostgresTest extends AuditChainContract {

	@Override
	AuditDatabase open() {
		return AuditDatabase.postgres();
	}

}
