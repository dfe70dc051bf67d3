package cn.shouhu.matters;

import java.util.EnumSet;
import java.util.Set;

import cn.shouhu.matters.TimelineEntry.ActorType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * Who acts on a matter, with the facts the matter needs to decide whether they may: their roles, whether the
 * matter's lead unit lies in their unit's subtree, and which co-handling units they may act for. The desk works
 * these out from the organisation; the matter only reads them.
 *
 * @param taskUnits the co-handling units this actor may record results for
 */
record Actor(ActorType type, Long officerId, String name, Long unitId, Set<Role> roles, boolean atLeadUnit,
		Set<Long> taskUnits) {

	Actor {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		taskUnits = Set.copyOf(taskUnits);
	}

	static Actor staff(CurrentStaff staff, boolean atLeadUnit, Set<Long> taskUnits) {
		return new Actor(ActorType.STAFF, staff.officerId(), staff.officerName(), staff.unitId(), staff.roles(),
				atLeadUnit, taskUnits);
	}

	/** The application itself: timers (督办 when overdue) and a merged matter following its master. */
	static Actor system() {
		return new Actor(ActorType.SYSTEM, null, null, null, Set.of(), false, Set.of());
	}

	/** The member of the public who raised the matter, proven by its tracking code and phone. */
	static Actor submitter() {
		return new Actor(ActorType.SUBMITTER, null, null, null, Set.of(), false, Set.of());
	}

	boolean has(Role role) {
		return roles.contains(role);
	}

	boolean mayActFor(long taskUnitId) {
		return taskUnits.contains(taskUnitId);
	}

}
