package cn.shouhu.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * Staff roles (DESIGN.md §2). The Chinese names live in the message bundle under {@code role.NAME}.
 * System administrator, security administrator and auditor are the 三员: separated, and never held together
 * with any other role.
 */
public enum Role {

	/** 受理员: intake, classify, dispatch. */
	INTAKE_CLERK,
	/** 协调员: reassign, add co-handlers, approve extensions, supervise (督办). */
	COORDINATOR,
	/** 承办人: sign, handle, record progress, draft the reply. */
	HANDLER,
	/** 单位负责人: approves replies and returns; sees the unit's subtree. */
	UNIT_LEADER,
	/** 分局领导: everything read-only, dashboards. */
	BRANCH_LEADER,
	/** 政工: campaign ledgers. */
	POLITICAL_WORK,
	/** 系统管理员: organisation, calendar and settings. */
	SYSTEM_ADMIN,
	/** 安全管理员: accounts, roles and passwords. */
	SECURITY_ADMIN,
	/** 安全审计员: alone reads the audit trail. */
	AUDITOR;

	/** 三员. */
	public static final Set<Role> SEPARATED_ADMINS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isSeparatedAdmin() {
		return SEPARATED_ADMINS.contains(this);
	}

	/**
	 * The 三员 rule: a separated administrator role stands alone on its account.
	 * @return true if this set of roles may be held by one account
	 */
	public static boolean isValidCombination(Set<Role> roles) {
		if (roles.isEmpty()) {
			return false;
		}
		boolean anySeparated = roles.stream().anyMatch(Role::isSeparatedAdmin);
		return !anySeparated || roles.size() == 1;
	}

}
