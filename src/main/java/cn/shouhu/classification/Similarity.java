package cn.shouhu.classification;

import java.util.HashMap;
import java.util.Map;

/** Cosine similarity over content words and character bigrams, the two bags normalised and weighted equally. */
final class Similarity {

	private Similarity() {
	}

	static double cosine(String a, String b) {
		Bags x = Bags.of(a);
		Bags y = Bags.of(b);
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		double words = dot(x.words, y.words) / (x.wordNorm * y.wordNorm);
		double bigrams = dot(x.bigrams, y.bigrams) / (x.bigramNorm * y.bigramNorm);
		boolean bothWords = x.wordNorm > 0 && y.wordNorm > 0;
		boolean bothBigrams = x.bigramNorm > 0 && y.bigramNorm > 0;
		double sum = (bothWords ? words : 0) + (bothBigrams ? bigrams : 0);
		int parts = (x.wordNorm > 0 || y.wordNorm > 0 ? 1 : 0) + (x.bigramNorm > 0 || y.bigramNorm > 0 ? 1 : 0);
		return Math.max(0, Math.min(1, sum / Math.max(1, parts)));
	}

	private static double dot(Map<String, Integer> x, Map<String, Integer> y) {
		Map<String, Integer> small = x.size() <= y.size() ? x : y;
		Map<String, Integer> large = small == x ? y : x;
		double dot = 0;
		for (Map.Entry<String, Integer> e : small.entrySet()) {
			Integer other = large.get(e.getKey());
			if (other != null) {
				dot += (double) e.getValue() * other;
			}
		}
		return dot;
	}

	private record Bags(Map<String, Integer> words, double wordNorm, Map<String, Integer> bigrams, double bigramNorm) {

		static Bags of(String text) {
			String normalised = Segmentation.normalise(text);
			Map<String, Integer> words = new HashMap<>();
			for (String word : Segmentation.contentWords(normalised)) {
				words.merge(word, 1, Integer::sum);
			}
			Map<String, Integer> bigrams = new HashMap<>();
			for (int i = 1; i < normalised.length(); i++) {
				char p = normalised.charAt(i - 1);
				char c = normalised.charAt(i);
				if (Segmentation.isContentChar(p) && Segmentation.isContentChar(c)) {
					bigrams.merge(normalised.substring(i - 1, i + 1), 1, Integer::sum);
				}
			}
			return new Bags(words, norm(words), bigrams, norm(bigrams));
		}

		private static double norm(Map<String, Integer> bag) {
			double sum = 0;
			for (int v : bag.values()) {
				sum += (double) v * v;
			}
			return Math.sqrt(sum);
		}

		boolean isEmpty() {
			return wordNorm == 0 && bigramNorm == 0;
		}

	}

}
