package cn.shouhu.matters;

/**
 * Where a matter stands in the closed loop (DESIGN.md §4). Transferring (转办), extending (延期) and supervising
 * (督办) are actions and flags, not resting states: a transferred matter is DISPATCHED again to its new unit.
 */
public enum MatterState {

	/** 已受理: in the coordinators' queue, not yet dispatched. */
	RECEIVED,
	/** 待签收: dispatched to the lead unit. */
	DISPATCHED,
	/** 已签收. */
	SIGNED,
	/** 办理中. */
	IN_PROGRESS,
	/** 待群众补充: the clock is paused until the submitter answers. */
	WAITING_FOR_SUBMITTER,
	/** 答复待审批: the handler's draft waits for the unit leader. */
	REPLY_PENDING_APPROVAL,
	/** 已答复: waiting for follow-up (回访). */
	REPLIED,
	/** 重办: unsatisfied follow-up; back with the same unit, under supervision. */
	REOPENED,
	/** 已退单: the unit returned it; back with the coordinators for re-dispatch. */
	RETURNED,
	/** 已办结. */
	CLOSED,
	/** 已合并: a duplicate that follows its master's outcome. */
	MERGED;

	public boolean isOpen() {
		return this != CLOSED && this != MERGED;
	}

}
