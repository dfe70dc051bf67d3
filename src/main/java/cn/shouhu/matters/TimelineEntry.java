package cn.shouhu.matters;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a matter's history. Entries visible to the submitter are what the portal shows; the rest (return
 * reasons, supervision notes, internal progress) only staff see.
 *
 * @param actorType who acted: a staff member (with officer id, name and unit), the submitter, or the system
 * @param unitId the unit the action concerns (dispatched to, transferred to, the co-handling unit), or null
 */
@Table("matter_timeline")
public record TimelineEntry(Instant occurredAt, TimelineAction action, ActorType actorType, Long actorOfficerId,
		String actorName, Long actorUnitId, Long unitId, boolean visibleToSubmitter, String note) {

	/** Who performed a timeline entry's action. */
	public enum ActorType {

		STAFF, SUBMITTER, SYSTEM

	}

}
