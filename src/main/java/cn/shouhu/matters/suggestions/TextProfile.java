package cn.shouhu.matters.suggestions;

import java.util.HashMap;
import java.util.Map;

import cn.shouhu.classification.Words;

/**
 * A text's bags of content words ({@link Words#of}) and character bigrams, kept so that a text is segmented once
 * and then compared with many. {@link #similarity} is {@link Words#similarity}'s cosine, computed from the kept
 * bags; {@code TextProfileTest} checks that the two agree. Segmenting is what costs (about 0.1 ms a message):
 * comparing two profiles takes microseconds.
 */
final class TextProfile {

	static final TextProfile EMPTY = new TextProfile(Map.of(), 0, Map.of(), 0);

	private final Map<String, Integer> words;

	private final double wordNorm;

	private final Map<String, Integer> bigrams;

	private final double bigramNorm;

	private TextProfile(Map<String, Integer> words, double wordNorm, Map<String, Integer> bigrams,
			double bigramNorm) {
		this.words = words;
		this.wordNorm = wordNorm;
		this.bigrams = bigrams;
		this.bigramNorm = bigramNorm;
	}

	static TextProfile of(String text) {
		String normalised = normalise(text);
		if (normalised.isBlank()) {
			return EMPTY;
		}
		Map<String, Integer> words = new HashMap<>();
		for (String word : Words.of(normalised)) {
			words.merge(word, 1, Integer::sum);
		}
		Map<String, Integer> bigrams = new HashMap<>();
		for (int i = 1; i < normalised.length(); i++) {
			if (Character.isLetterOrDigit(normalised.charAt(i - 1)) && Character.isLetterOrDigit(normalised.charAt(i))) {
				bigrams.merge(normalised.substring(i - 1, i + 1), 1, Integer::sum);
			}
		}
		return new TextProfile(words, norm(words), bigrams, norm(bigrams));
	}

	boolean isEmpty() {
		return wordNorm == 0 && bigramNorm == 0;
	}

	/** Cosine of the word bags and of the bigram bags, averaged over the kinds either text has; 0 to 1. */
	double similarity(TextProfile other) {
		if (isEmpty() || other.isEmpty()) {
			return 0;
		}
		double wordCosine = dot(words, other.words) / (wordNorm * other.wordNorm);
		double bigramCosine = dot(bigrams, other.bigrams) / (bigramNorm * other.bigramNorm);
		boolean bothWords = wordNorm > 0 && other.wordNorm > 0;
		boolean bothBigrams = bigramNorm > 0 && other.bigramNorm > 0;
		double sum = (bothWords ? wordCosine : 0) + (bothBigrams ? bigramCosine : 0);
		int parts = (wordNorm > 0 || other.wordNorm > 0 ? 1 : 0) + (bigramNorm > 0 || other.bigramNorm > 0 ? 1 : 0);
		return Math.max(0, Math.min(1, sum / Math.max(1, parts)));
	}

	/** Full-width forms to half-width, the ideographic space to a space, lower case: as {@link Words} reads text. */
	static String normalise(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000') {
				c = ' ';
			}
			chars[i] = Character.toLowerCase(c);
		}
		return new String(chars);
	}

	private static double dot(Map<String, Integer> x, Map<String, Integer> y) {
		Map<String, Integer> small = x.size() <= y.size() ? x : y;
		Map<String, Integer> large = small == x ? y : x;
		double dot = 0;
		for (Map.Entry<String, Integer> entry : small.entrySet()) {
			Integer count = large.get(entry.getKey());
			if (count != null) {
				dot += (double) entry.getValue() * count;
			}
		}
		return dot;
	}

	private static double norm(Map<String, Integer> bag) {
		double sum = 0;
		for (int count : bag.values()) {
			sum += (double) count * count;
		}
		return Math.sqrt(sum);
	}

}
