package cn.shouhu.matters.suggestions;

import cn.shouhu.classification.Words;

/**
 * How alike two matters are, 0–1: three quarters the similarity of their words (title and text), one quarter their
 * place. Same community is the same place; otherwise the addresses are compared word by word; two different
 * communities with no addresses are different places; when either side gives no place at all, the place counts
 * half, neither for nor against.
 *
 * <p>With the default threshold of 0.45 this means: at the same place the texts must be at least 27 % alike, with
 * no place known at least 43 %, at a different place at least 60 % — so a second report of the same noisy
 * construction site in the same community is found, while two different problems in one community are not, and
 * the same complaint from elsewhere shows only when it is nearly word for word the same.
 */
final class DuplicateScoring {

	static final double TEXT_WEIGHT = 0.75;

	static final double PLACE_WEIGHT = 0.25;

	/** Place score when either side gives none: neither evidence for nor against. */
	static final double UNKNOWN_PLACE = 0.5;

	private DuplicateScoring() {
	}

	static double score(MatterText a, MatterText b) {
		return TEXT_WEIGHT * textSimilarity(a, b) + PLACE_WEIGHT * placeSimilarity(a, b);
	}

	static double textSimilarity(MatterText a, MatterText b) {
		return clamp(Words.similarity(text(a), text(b)));
	}

	static double placeSimilarity(MatterText a, MatterText b) {
		boolean communities = !MatterText.blank(a.community()) && !MatterText.blank(b.community());
		if (communities && a.community().strip().equals(b.community().strip())) {
			return 1.0;
		}
		if (!MatterText.blank(a.address()) && !MatterText.blank(b.address())) {
			return clamp(Words.similarity(a.address(), b.address()));
		}
		if (communities) {
			return 0.0;
		}
		return UNKNOWN_PLACE;
	}

	private static String text(MatterText matter) {
		return (matter.title() == null ? "" : matter.title()) + "\n"
				+ (matter.description() == null ? "" : matter.description());
	}

	private static double clamp(double value) {
		return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
	}

}
