package cn.shouhu.classification;

import java.util.List;

/**
 * The content words of a Chinese text and a text similarity, for duplicate detection and hot-spot words. Both are
 * deterministic and need no model.
 */
public final class Words {

	private Words() {
	}

	/**
	 * The segmented content words of {@code text} in order: stop words, punctuation, numbers and single Latin letters
	 * removed, full-width forms folded to half-width, Latin letters in lower case. Empty for {@code null} or blank.
	 */
	public static List<String> of(String text) {
		return List.copyOf(Segmentation.contentWords(Segmentation.normalise(text)));
	}

	/**
	 * Cosine similarity (0..1) of the two texts' bags of content words and character bigrams (each bag weighted
	 * equally), as {@link TextProfile#similarity}. 0 when either text has no content. To compare one text with many,
	 * keep its {@link TextProfile}.
	 */
	public static double similarity(String a, String b) {
		return TextProfile.of(a).similarity(TextProfile.of(b));
	}

}
