package cn.shouhu.audit.internal;

/** The chain's guarantees on H2, the embedded default. */
class AuditChainH2Test extends AuditChainContract {

	@Override
	AuditDatabase open() {
		return AuditDatabase.h2();
	}

}
