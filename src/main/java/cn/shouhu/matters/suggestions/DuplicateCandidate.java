package cn.shouhu.matters.suggestions;

import java.time.Instant;

import cn.shouhu.matters.MatterState;

/** An open matter that looks like the same problem, with the similarity (0–1) that put it on the list. */
public record DuplicateCandidate(long id, String trackingCode, String title, MatterState state, Instant receivedAt,
		String community, double similarity) {

	/** The similarity as a whole percentage, as the pages show it. */
	public int percent() {
		return (int) Math.round(similarity * 100);
	}

}
