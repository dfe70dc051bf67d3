package cn.shouhu.classification;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Turns a message into hashed features: content words, subject words (a title word says more than a word deep in
 * the text), word bigrams and character n-grams. Features are 64-bit hashes computed straight from the characters,
 * so extraction builds no strings for n-grams and collisions are negligible; the model keeps only the hashes it saw
 * in training. The hash is fixed here (FNV-1a and a murmur finaliser), never {@code Object.hashCode}, so a saved
 * model means the same on every JVM.
 */
final class Features {

	private static final long WORD = 0x1L;

	private static final long SUBJECT = 0x2L;

	private static final long BIGRAM = 0x3L;

	private static final long CHARS = 0x10L;

	private Features() {
	}

	/**
	 * What to extract. {@code maxDetailChars} bounds the work for one message (the first part of a message says what
	 * it is about; a 4,000-character paste costs no more than a normal one).
	 */
	record Options(boolean subjectWords, boolean wordBigrams, int charMin, int charMax, int maxDetailChars) {

		Options {
			if (charMin < 0 || charMax < charMin || charMax > 4 || maxDetailChars < 1) {
				throw new IllegalArgumentException("bad feature options");
			}
		}

	}

	static void extract(String subject, String detail, Options options, LongConsumer sink) {
		String s = Segmentation.normalise(subject);
		String d = Segmentation.normalise(
				detail != null && detail.length() > options.maxDetailChars() ? detail.substring(0, options.maxDetailChars())
						: detail);
		words(Segmentation.contentWords(s), true, options, sink);
		words(Segmentation.contentWords(d), false, options, sink);
		if (options.charMin() > 0) {
			for (int n = options.charMin(); n <= options.charMax(); n++) {
				chars(s, n, sink);
				chars(d, n, sink);
			}
		}
	}

	private static void words(List<String> words, boolean subject, Options options, LongConsumer sink) {
		long previous = 0;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			long h = hash(WORD, word, 0, word.length());
			sink.accept(h);
			if (subject && options.subjectWords()) {
				sink.accept(mix(h ^ SUBJECT * 0x9E3779B97F4A7C15L));
			}
			if (options.wordBigrams() && i > 0) {
				sink.accept(mix(previous * 31 + h + BIGRAM));
			}
			previous = h;
		}
	}

	/** Character n-grams inside runs of letters and digits; an n-gram never spans punctuation or space. */
	private static void chars(String text, int n, LongConsumer sink) {
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Segmentation.isContentChar(text.charAt(i))) {
				run++;
				if (run >= n) {
					sink.accept(hash(CHARS + n, text, i - n + 1, i + 1));
				}
			}
			else {
				run = 0;
			}
		}
	}

	static long hash(long namespace, CharSequence text, int from, int to) {
		long h = 0xcbf29ce484222325L ^ (namespace * 0x9E3779B97F4A7C15L);
		for (int i = from; i < to; i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		return mix(h);
	}

	static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb93c185ec53L;
		return z ^ (z >>> 33);
	}

}
