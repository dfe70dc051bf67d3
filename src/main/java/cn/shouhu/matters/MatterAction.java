package cn.shouhu.matters;

import static cn.shouhu.matters.MatterState.DISPATCHED;
import static cn.shouhu.matters.MatterState.IN_PROGRESS;
import static cn.shouhu.matters.MatterState.MERGED;
import static cn.shouhu.matters.MatterState.RECEIVED;
import static cn.shouhu.matters.MatterState.REOPENED;
import static cn.shouhu.matters.MatterState.REPLIED;
import static cn.shouhu.matters.MatterState.REPLY_PENDING_APPROVAL;
import static cn.shouhu.matters.MatterState.RETURNED;
import static cn.shouhu.matters.MatterState.SIGNED;
import static cn.shouhu.matters.MatterState.WAITING_FOR_SUBMITTER;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything that can be done to a matter, with the states it may be done in and the parties who may do it. The
 * matter checks each action against this table, and a page asks the same table which buttons to show
 * ({@link MatterDetails#allowedActions()}). The Chinese names are in the bundle under {@code matters.action.NAME}.
 */
public enum MatterAction {

	/** 分派 (also re-dispatch after a return). */
	DISPATCH(EnumSet.of(RECEIVED, RETURNED), Party.COORDINATION),
	/** 签收. */
	SIGN(EnumSet.of(DISPATCHED), Party.LEAD_STAFF),
	/** 退单: within the return limit, with a reason, on the unit leader's authority. */
	RETURN(EnumSet.of(DISPATCHED, SIGNED), Party.LEAD_LEADER),
	/** 转办: to another unit, which must sign it anew. */
	TRANSFER(EnumSet.of(DISPATCHED, SIGNED, IN_PROGRESS, REOPENED), Party.COORDINATION, Party.LEAD_LEADER),
	/** 记录办理进展. */
	RECORD_PROGRESS(EnumSet.of(SIGNED, IN_PROGRESS, REOPENED), Party.LEAD_STAFF),
	/** 增加协办单位. */
	ADD_CO_HANDLER(Sets.HANDLING, Party.COORDINATION, Party.LEAD_STAFF),
	/** 记录协办结果. */
	RECORD_TASK_RESULT(Sets.TASKS_OPEN, Party.TASK_UNIT),
	/** 撤销协办. */
	CANCEL_TASK(Sets.TASKS_OPEN, Party.COORDINATION, Party.LEAD_STAFF),
	/** 申请延期. */
	REQUEST_EXTENSION(EnumSet.of(SIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER, REOPENED), Party.LEAD_STAFF),
	/** 批准延期. */
	APPROVE_EXTENSION(Sets.EXTENSION_PENDING, Party.COORDINATOR),
	/** 不予延期. */
	REFUSE_EXTENSION(Sets.EXTENSION_PENDING, Party.COORDINATOR),
	/** 等待群众补充 (the clock stops). */
	WAIT_FOR_SUBMITTER(EnumSet.of(SIGNED, IN_PROGRESS, REOPENED), Party.LEAD_STAFF),
	/** 恢复办理 (the clock runs again). */
	RESUME(EnumSet.of(WAITING_FOR_SUBMITTER), Party.LEAD_STAFF, Party.COORDINATION),
	/** 拟写答复. */
	DRAFT_REPLY(EnumSet.of(SIGNED, IN_PROGRESS, REOPENED), Party.LEAD_STAFF),
	/** 审批答复. */
	APPROVE_REPLY(EnumSet.of(REPLY_PENDING_APPROVAL), Party.LEAD_LEADER),
	/** 退回答复 (the leader sends the draft back). */
	REJECT_REPLY(EnumSet.of(REPLY_PENDING_APPROVAL), Party.LEAD_LEADER),
	/** 回访. */
	RECORD_FOLLOW_UP(EnumSet.of(REPLIED), Party.COORDINATION, Party.SUBMITTER),
	/** 办结. */
	CLOSE(EnumSet.of(REPLIED), Party.COORDINATION, Party.SYSTEM),
	/** 关联重复事项. */
	LINK(EnumSet.complementOf(EnumSet.of(MERGED)), Party.COORDINATION),
	/** 合并到主事项. */
	MERGE(EnumSet.of(RECEIVED, DISPATCHED, SIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER, RETURNED, REOPENED),
			Party.COORDINATION),
	/** 督办. */
	SUPERVISE(EnumSet.of(DISPATCHED, SIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER, REPLY_PENDING_APPROVAL, REOPENED),
			Party.COORDINATOR, Party.SYSTEM),
	/** A merged matter closes with its master: the system's own action, never a button. */
	FOLLOW_MASTER(EnumSet.of(MERGED), Party.SYSTEM);

	private final Set<MatterState> from;

	private final Set<Party> parties;

	MatterAction(Set<MatterState> from, Party first, Party... rest) {
		this.from = Set.copyOf(from);
		this.parties = Set.copyOf(EnumSet.of(first, rest));
	}

	/** The states this action may be taken in. */
	public Set<MatterState> from() {
		return from;
	}

	boolean allowedIn(MatterState state) {
		return from.contains(state);
	}

	boolean allowedFor(Actor actor) {
		return parties.stream().anyMatch(party -> party.includes(actor));
	}

	/** State sets shared by several actions (an enum may not refer to its own static fields in constructors). */
	private static final class Sets {

		/** A unit has the matter and is working on it. */
		static final Set<MatterState> HANDLING = EnumSet.of(DISPATCHED, SIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER,
				REOPENED);

		/** Co-handling tasks may still be finished or cancelled (not once the reply is drafted). */
		static final Set<MatterState> TASKS_OPEN = EnumSet.of(DISPATCHED, SIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER,
				REOPENED, RETURNED);

		/** A request for more time may be decided. */
		static final Set<MatterState> EXTENSION_PENDING = EnumSet.of(SIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER,
				REOPENED, REPLY_PENDING_APPROVAL);

		private Sets() {
		}

	}

}
