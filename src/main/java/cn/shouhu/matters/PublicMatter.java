package cn.shouhu.matters;

import java.time.Instant;
import java.util.List;

/**
 * A matter as the public may see it: nothing about who handles it inside the police beyond the lead unit's name,
 * and a timeline without internal notes. {@link PublicMatters#lookup} gives it to the submitter who proved it is
 * theirs; {@link PublicMatters#byId} and {@link PublicMatters#find} give it to Open311, which decides which of
 * these fields a third-party app may read (the description and the submitter's own words are for the submitter).
 *
 * @param stateKey the bundle key of the state as the public reads it ({@code matters.public.state.NAME})
 * @param leadUnitName the lead unit's name, never a person; null while the matter waits for dispatch
 * @param replyDue by when the unit must reply (the time limit), or null while none runs
 * @param replyText the approved reply (答复), or null; a draft is never shown
 * @param measures the rectification measures (整改措施) of the approved reply, or null
 * @param satisfaction the recorded follow-up (回访), or null
 * @param reopenUntil until when an unsatisfied submitter may ask for the matter to be handled again, or null
 */
public record PublicMatter(long id, String trackingCode, Channel channel, MatterKind kind, String categoryCode,
		String categoryName, PublicStatus status, String stateKey, String title, String description, String address,
		Double latitude, Double longitude, String leadUnitName, Instant receivedAt, Instant updatedAt,
		Instant replyDue, String replyText, String measures, Satisfaction satisfaction,
		List<PublicTimelineEntry> timeline, boolean canAddInformation, boolean canRate, boolean canAskReopen,
		Instant reopenUntil) {

	public PublicMatter {
		timeline = List.copyOf(timeline);
	}

}
