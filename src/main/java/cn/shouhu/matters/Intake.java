package cn.shouhu.matters;

/**
 * A matter as it comes in, from any channel. The category may be left for the coordinator; urgency defaults to
 * {@link Urgency#NORMAL}.
 */
public record Intake(Channel channel, MatterKind kind, String categoryCode, Urgency urgency, String title,
		String description, Place place, Submitter submitter) {
}
