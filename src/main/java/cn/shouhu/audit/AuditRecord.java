package cn.shouhu.audit;

import java.util.Map;

/**
 * One audited action: {@code organization / officer.create / officer 42 / null → {badgeNo: 100231, …}}.
 *
 * @param module the module that acted ("organization", "accounts", …)
 * @param action what happened, "entity.verb" ("officer.create", "unit.move", "account.disable")
 * @param targetType the kind of record acted on ("officer")
 * @param targetId its id, or null
 * @param before the record's values before the action (null for a create)
 * @param after the record's values after the action (null for a delete)
 */
public record AuditRecord(String module, String action, String targetType, String targetId,
		Map<String, ?> before, Map<String, ?> after) {

	public static AuditRecord created(String module, String targetType, Object targetId, Map<String, ?> after) {
		return new AuditRecord(module, targetType + ".create", targetType, String.valueOf(targetId), null, after);
	}

	public static AuditRecord updated(String module, String action, String targetType, Object targetId,
			Map<String, ?> before, Map<String, ?> after) {
		return new AuditRecord(module, action, targetType, String.valueOf(targetId), before, after);
	}

	public static AuditRecord deleted(String module, String targetType, Object targetId, Map<String, ?> before) {
		return new AuditRecord(module, targetType + ".delete", targetType, String.valueOf(targetId), before, null);
	}

}
