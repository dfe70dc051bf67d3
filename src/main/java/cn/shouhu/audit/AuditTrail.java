package cn.shouhu.audit;

/**
 * Records what staff do. Call it inside the transaction of the change it describes, so that the change and
 * its record commit or roll back together. Who, when (UTC with offset) and from which IP are taken from the
 * current request and security context; personal data in {@code before} and {@code after} is masked.
 */
public interface AuditTrail {

	void record(AuditRecord record);

}
