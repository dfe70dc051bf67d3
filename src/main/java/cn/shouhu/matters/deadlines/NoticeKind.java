package cn.shouhu.matters.deadlines;

import cn.shouhu.shared.Role;

/** The steps of a deadline's watch, in order, and whom each tells. */
enum NoticeKind {

	/** 70 % of the working time used: the handlers are reminded. */
	WARNING_70(Role.HANDLER),
	/** 90 % used. */
	WARNING_90(Role.HANDLER),
	/** 逾期: a supervision notice (督办) to the unit; coordinators see every notice. */
	OVERDUE(null),
	/** Still overdue one working day later: to the unit leader. */
	ESCALATED_UNIT_LEADER(Role.UNIT_LEADER),
	/** Still overdue one more working day later: to the branch leaders. */
	ESCALATED_BRANCH(Role.BRANCH_LEADER);

	private final Role targetRole;

	NoticeKind(Role targetRole) {
		this.targetRole = targetRole;
	}

	/** The role the notice is for, or null for everyone in the target unit. */
	Role targetRole() {
		return targetRole;
	}

}
