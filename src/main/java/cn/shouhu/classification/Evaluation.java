package cn.shouhu.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well a model labels test messages: accuracy, macro-F1 (the mean of the per-category F1, so a small category
 * counts as much as a large one) and the confusion matrix ({@code confusion[actual][predicted]}, in the order of
 * {@code labels}). A message the model makes no guess for counts as wrong and appears in no column.
 *
 * @param examples number of test messages
 * @param unanswered test messages the model made no guess for
 * @param trainingMillis time spent training (summed over folds for cross-validation)
 * @param meanConfidence mean probability of the top guess; close to {@code accuracy} when the confidences are
 * calibrated
 * @param messagesPerSecond prediction throughput on the calling thread (features and prediction, one thread)
 */
public record Evaluation(double accuracy, double macroF1, List<String> labels, int[][] confusion, int examples,
		int unanswered, double meanConfidence, long trainingMillis, double messagesPerSecond) {

	public Evaluation {
		labels = List.copyOf(labels);
		confusion = deepCopy(confusion);
	}

	@Override
	public int[][] confusion() {
		return deepCopy(confusion);
	}

	/** Evaluates a trained model on labelled test messages. Labels the model does not know count as wrong. */
	public static Evaluation of(TextModel model, List<LabelledText> test) {
		return of(model, test, 0);
	}

	static Evaluation of(TextModel model, List<LabelledText> test, long trainingMillis) {
		requireLabels(test);
		TreeSet<String> labelSet = new TreeSet<>(model.labels());
		test.forEach(t -> labelSet.add(t.label()));
		List<String> labels = new ArrayList<>(labelSet);
		int[][] confusion = new int[labels.size()][labels.size()];
		int unanswered = 0;
		long start = System.nanoTime();
		List<List<Guess>> predicted = new ArrayList<>(test.size());
		for (LabelledText t : test) {
			predicted.add(model.top(t.subject(), t.detail(), 1));
		}
		long nanos = System.nanoTime() - start;
		double confidence = 0;
		for (int i = 0; i < test.size(); i++) {
			if (predicted.get(i).isEmpty()) {
				unanswered++;
				continue;
			}
			Guess guess = predicted.get(i).get(0);
			confidence += guess.confidence();
			confusion[labels.indexOf(test.get(i).label())][labels.indexOf(guess.label())]++;
		}
		double perSecond = test.isEmpty() ? 0 : test.size() / Math.max(nanos / 1e9, 1e-9);
		return fromConfusion(labels, confusion, test.size(), unanswered, confidence, trainingMillis, perSecond);
	}

	/**
	 * Stratified k-fold cross-validation: each category's examples are shuffled with {@code seed} and dealt round
	 * the folds, every fold trains on the others and is tested once; the confusion matrices are summed.
	 */
	public static Evaluation crossValidate(List<LabelledText> all, int folds, long seed) {
		return crossValidate(all, List.of(), folds, seed, TextModel.Training.DEFAULT);
	}

	/** As {@link #crossValidate(List, int, long)}, each fold also learning from the unlabelled messages. */
	public static Evaluation crossValidate(List<LabelledText> all, List<LabelledText> unlabelled, int folds,
			long seed) {
		return crossValidate(all, unlabelled, folds, seed, TextModel.Training.DEFAULT);
	}

	static Evaluation crossValidate(List<LabelledText> all, List<LabelledText> unlabelled, int folds, long seed,
			TextModel.Training training) {
		return crossValidate(all, unlabelled, folds, seed, training, List.of());
	}

	/**
	 * As {@link #crossValidate(List, List, int, long)}, each fold also learning from prior knowledge (see
	 * {@link TextModel#train(List, List, List)}); the prior pseudo-documents are never test messages.
	 */
	public static Evaluation crossValidate(List<LabelledText> all, List<LabelledText> unlabelled,
			List<LabelledText> prior, int folds, long seed) {
		return crossValidate(all, unlabelled, folds, seed, TextModel.Training.DEFAULT, prior);
	}

	static Evaluation crossValidate(List<LabelledText> all, List<LabelledText> unlabelled, int folds, long seed,
			TextModel.Training training, List<LabelledText> prior) {
		if (folds < 2 || folds > all.size()) {
			throw new IllegalArgumentException("folds must be between 2 and the number of examples (" + all.size()
					+ "), got " + folds);
		}
		requireLabels(all);
		int[] fold = folds(all, folds, seed);
		TreeSet<String> labelSet = new TreeSet<>();
		all.forEach(t -> labelSet.add(t.label()));
		List<String> labels = new ArrayList<>(labelSet);
		int[][] confusion = new int[labels.size()][labels.size()];
		int unanswered = 0;
		long trainingMillis = 0;
		long predictNanos = 0;
		double confidence = 0;
		for (int f = 0; f < folds; f++) {
			List<LabelledText> train = new ArrayList<>();
			List<LabelledText> test = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				(fold[i] == f ? test : train).add(all.get(i));
			}
			long start = System.nanoTime();
			TextModel model = training.train(train, unlabelled, prior);
			long trained = System.nanoTime();
			trainingMillis += (trained - start) / 1_000_000;
			for (LabelledText t : test) {
				List<Guess> guesses = model.top(t.subject(), t.detail(), 1);
				if (guesses.isEmpty()) {
					unanswered++;
				}
				else {
					confidence += guesses.get(0).confidence();
					confusion[labels.indexOf(t.label())][labels.indexOf(guesses.get(0).label())]++;
				}
			}
			predictNanos += System.nanoTime() - trained;
		}
		return fromConfusion(labels, confusion, all.size(), unanswered, confidence, trainingMillis,
				all.size() / Math.max(predictNanos / 1e9, 1e-9));
	}

	/** Fold number of each example: stratified by label, shuffled with a fixed seed, independent of input order. */
	static int[] folds(List<LabelledText> all, int folds, long seed) {
		TreeMap<String, List<Integer>> byLabel = new TreeMap<>();
		for (int i = 0; i < all.size(); i++) {
			byLabel.computeIfAbsent(all.get(i).label(), l -> new ArrayList<>()).add(i);
		}
		int[] fold = new int[all.size()];
		Random random = new Random(seed);
		int next = 0;
		for (List<Integer> indices : byLabel.values()) {
			indices.sort((a, b) -> {
				LabelledText x = all.get(a);
				LabelledText y = all.get(b);
				int c = x.subject().compareTo(y.subject());
				return c != 0 ? c : x.detail().compareTo(y.detail());
			});
			for (int i = indices.size() - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				Integer swap = indices.get(i);
				indices.set(i, indices.get(j));
				indices.set(j, swap);
			}
			for (int index : indices) {
				fold[index] = next;
				next = (next + 1) % folds;
			}
		}
		return fold;
	}

	private static Evaluation fromConfusion(List<String> labels, int[][] confusion, int examples, int unanswered,
			double confidenceSum, long trainingMillis, double perSecond) {
		int correct = 0;
		for (int k = 0; k < labels.size(); k++) {
			correct += confusion[k][k];
		}
		double f1Sum = 0;
		int present = 0;
		for (int k = 0; k < labels.size(); k++) {
			int actual = Arrays.stream(confusion[k]).sum();
			int predicted = 0;
			for (int[] row : confusion) {
				predicted += row[k];
			}
			if (actual == 0 && predicted == 0) {
				continue;
			}
			present++;
			double precision = predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
			double recall = actual == 0 ? 0 : (double) confusion[k][k] / actual;
			f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		}
		double accuracy = examples == 0 ? 0 : (double) correct / examples;
		double meanConfidence = examples - unanswered == 0 ? 0 : confidenceSum / (examples - unanswered);
		return new Evaluation(accuracy, present == 0 ? 0 : f1Sum / present, labels, confusion, examples, unanswered,
				meanConfidence, trainingMillis, perSecond);
	}

	/** A plain-text report: accuracy, macro-F1, per-category precision/recall/F1 and the confusion matrix. */
	public String report() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "examples: %d (no guess: %d)%n", examples, unanswered));
		out.append(String.format(Locale.ROOT, "accuracy: %.4f%n", accuracy));
		out.append(String.format(Locale.ROOT, "macro-F1: %.4f%n", macroF1));
		out.append(String.format(Locale.ROOT, "mean confidence of the top guess: %.4f%n", meanConfidence));
		out.append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %7s%n", "category", "precision", "recall", "F1", "count"));
		for (int k = 0; k < labels.size(); k++) {
			int actual = Arrays.stream(confusion[k]).sum();
			int predicted = 0;
			for (int[] row : confusion) {
				predicted += row[k];
			}
			double precision = predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
			double recall = actual == 0 ? 0 : (double) confusion[k][k] / actual;
			double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
			out.append(String.format(Locale.ROOT, "%-24s %9.4f %9.4f %9.4f %7d%n", labels.get(k), precision, recall, f1, actual));
		}
		out.append("confusion matrix (rows: actual, columns: predicted):\n");
		out.append(String.format(Locale.ROOT, "%6s", ""));
		for (int k = 0; k < labels.size(); k++) {
			out.append(String.format(Locale.ROOT, " %5s", "[" + k + "]"));
		}
		out.append('\n');
		for (int k = 0; k < labels.size(); k++) {
			out.append(String.format(Locale.ROOT, "%6s", "[" + k + "]"));
			for (int j = 0; j < labels.size(); j++) {
				out.append(String.format(Locale.ROOT, " %5d", confusion[k][j]));
			}
			out.append("  ").append(labels.get(k)).append('\n');
		}
		return out.toString();
	}

	private static void requireLabels(List<LabelledText> texts) {
		for (LabelledText text : texts) {
			if (text == null || !text.labelled()) {
				throw new IllegalArgumentException("every test example needs a label");
			}
		}
	}

	private static int[][] deepCopy(int[][] matrix) {
		int[][] copy = new int[matrix.length][];
		for (int i = 0; i < matrix.length; i++) {
			copy[i] = matrix[i].clone();
		}
		return copy;
	}

}
