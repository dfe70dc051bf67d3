package cn.shouhu.matters.suggestions;

import cn.shouhu.classification.TextProfile;

/**
 * How alike two matters are, 0–1: three quarters the similarity of their words (title and text, the cosine of
 * {@link cn.shouhu.classification.Words#similarity}), one quarter their place. Same community is the same place;
 * otherwise the addresses are compared the same way; two different communities with no addresses to compare are
 * different places; when either side gives no place at all, the place counts half, neither for nor against.
 *
 * <p>With the default threshold of 0.45 this means: at the same place the texts must be at least 27 % alike, with
 * no place known at least 43 %, at a different place at least 60 %. Measured in {@code DuplicateScoringTest}: the
 * same construction noise reported again in other words is 39 % alike on its text (54 % overall in the same
 * community), a barbecue's noise in the same community 7 % (30 % overall); of all pairs of different messages of
 * the test corpus 99 % are below 16 % alike and the most alike pair 36 % (39 % overall without a place). So a
 * second report from the same community is found, different problems in one community are not, and the same
 * complaint from elsewhere shows only when it is nearly word for word the same.
 */
final class DuplicateScoring {

	static final double TEXT_WEIGHT = 0.75;

	static final double PLACE_WEIGHT = 0.25;

	/** Place score when either side gives none: neither evidence for nor against. */
	static final double UNKNOWN_PLACE = 0.5;

	private DuplicateScoring() {
	}

	/** A matter ready to compare: its text and address segmented once. */
	record Profiled(TextProfile text, TextProfile address, String community) {

		static Profiled of(MatterText matter) {
			String text = (matter.title() == null ? "" : matter.title()) + "\n"
					+ (matter.description() == null ? "" : matter.description());
			return new Profiled(TextProfile.of(text),
					MatterText.blank(matter.address()) ? TextProfile.EMPTY : TextProfile.of(matter.address()),
					MatterText.blank(matter.community()) ? null : matter.community().strip());
		}

	}

	static double score(MatterText a, MatterText b) {
		return score(Profiled.of(a), Profiled.of(b));
	}

	static double score(Profiled a, Profiled b) {
		return TEXT_WEIGHT * a.text().similarity(b.text()) + PLACE_WEIGHT * placeSimilarity(a, b);
	}

	static double placeSimilarity(Profiled a, Profiled b) {
		boolean communities = a.community() != null && b.community() != null;
		if (communities && a.community().equals(b.community())) {
			return 1.0;
		}
		if (!a.address().isEmpty() && !b.address().isEmpty()) {
			return a.address().similarity(b.address());
		}
		if (communities) {
			return 0.0;
		}
		return UNKNOWN_PLACE;
	}

}
