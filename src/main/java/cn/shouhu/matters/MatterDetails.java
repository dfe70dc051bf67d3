package cn.shouhu.matters;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A matter as staff see it on its page: everything it holds, its timeline, and the actions the viewer may take
 * now. The submitter's details are whole here (staff call them back); list views mask them.
 *
 * @param version what an action must name to act on exactly this state (optimistic locking)
 * @param allowedActions what the viewing staff member may do now; empty for a read-only viewer
 */
public record MatterDetails(long id, String trackingCode, Channel channel, MatterKind kind, String categoryCode,
		Urgency urgency, MatterState state, String title, String description, Place place, Submitter submitter,
		Long leadUnitId, Instant receivedAt, Instant firstDispatchedAt, Instant dispatchedAt, Instant signedAt,
		Instant repliedAt, Instant closedAt, Deadlines deadlines, ExtensionRequest pendingExtension, Reply reply,
		FollowUp followUp, Long duplicateOf, Long mergedInto, boolean supervised, int reopenCount, int returnCount,
		int transferCount, List<CoHandlingTask> tasks, List<TimelineEntry> timeline, int version,
		Set<MatterAction> allowedActions) {

	static MatterDetails of(Matter matter, Set<MatterAction> allowedActions) {
		return new MatterDetails(matter.id(), matter.trackingCode(), matter.channel(), matter.kind(),
				matter.categoryCode(), matter.urgency(), matter.state(), matter.title(), matter.description(),
				matter.place(), matter.submitter(), matter.leadUnitId(), matter.receivedAt(),
				matter.firstDispatchedAt(), matter.dispatchedAt(), matter.signedAt(), matter.repliedAt(),
				matter.closedAt(), matter.deadlines(), matter.pendingExtension(), matter.reply(), matter.followUp(),
				matter.duplicateOf(), matter.mergedInto(), matter.supervised(), matter.reopenCount(),
				matter.returnCount(), matter.transferCount(), matter.tasks(), matter.timeline(), matter.version(),
				Set.copyOf(allowedActions));
	}

}
