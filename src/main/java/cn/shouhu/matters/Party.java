package cn.shouhu.matters;

import cn.shouhu.matters.TimelineEntry.ActorType;
import cn.shouhu.shared.Role;

/** The parties that may take an action on a matter (DESIGN.md §2). */
enum Party {

	/** 受理员 and 协调员: the whole queue. */
	COORDINATION {
		@Override
		boolean includes(Actor actor) {
			return actor.has(Role.INTAKE_CLERK) || actor.has(Role.COORDINATOR);
		}
	},
	/** 协调员 alone: extensions and supervision. */
	COORDINATOR {
		@Override
		boolean includes(Actor actor) {
			return actor.has(Role.COORDINATOR);
		}
	},
	/** 承办人 or 单位负责人 of the lead unit (or a unit above it). */
	LEAD_STAFF {
		@Override
		boolean includes(Actor actor) {
			return actor.atLeadUnit() && (actor.has(Role.HANDLER) || actor.has(Role.UNIT_LEADER));
		}
	},
	/** 单位负责人 of the lead unit (or a unit above it): approves replies, returns and transfers. */
	LEAD_LEADER {
		@Override
		boolean includes(Actor actor) {
			return actor.atLeadUnit() && actor.has(Role.UNIT_LEADER);
		}
	},
	/**
	 * Staff with a working role who may act for at least one co-handling unit; the task itself is checked by the
	 * action. A role is needed because a 分局领导's subtree covers every unit, and they read but never act.
	 */
	TASK_UNIT {
		@Override
		boolean includes(Actor actor) {
			return actor.type() == ActorType.STAFF && !actor.taskUnits().isEmpty()
					&& (actor.has(Role.HANDLER) || actor.has(Role.UNIT_LEADER) || actor.has(Role.INTAKE_CLERK)
							|| actor.has(Role.COORDINATOR));
		}
	},
	SUBMITTER {
		@Override
		boolean includes(Actor actor) {
			return actor.type() == ActorType.SUBMITTER;
		}
	},
	SYSTEM {
		@Override
		boolean includes(Actor actor) {
			return actor.type() == ActorType.SYSTEM;
		}
	};

	abstract boolean includes(Actor actor);

}
