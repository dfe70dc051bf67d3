package cn.shouhu.classification;

import java.util.Random;

/**
 * One-vs-rest linear support vector machines (L2-regularised squared hinge loss) fitted by dual coordinate descent
 * (Hsieh et al., ICML 2008, as in LIBLINEAR). The coordinates are visited in an order drawn from a fixed seed, so
 * the fit is a pure function of its input.
 */
final class LinearSvm {

	private static final int MAX_EPOCHS = 200;

	private static final double EPSILON = 0.01;

	private static final long SEED = 20200101L;

	private LinearSvm() {
	}

	/** Candidate scales of the decision values for the softmax (see {@link #calibrated}). */
	private static final double[] SCALES = { 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 30 };

	private static final int CALIBRATION_FOLDS = 3;

	/**
	 * Fits the machines and scales their weights so that a softmax over the decision values gives probabilities that
	 * mean what they say: the scale minimises the log loss of out-of-fold decision values of an internal 3-fold
	 * split (rows dealt round the folds in their canonical order, which is sorted by label, so the folds are
	 * stratified).
	 */
	static double[] calibrated(Rows rows, int classes, double c) {
		double[] x = fit(rows, classes, c);
		int n = rows.size();
		double[][] scores = new double[n][];
		for (int f = 0; f < CALIBRATION_FOLDS; f++) {
			int fold = f;
			Rows train = rows.select(i -> i % CALIBRATION_FOLDS != fold);
			double[] part = fit(train, classes, c);
			for (int i = fold; i < n; i += CALIBRATION_FOLDS) {
				scores[i] = scores(rows, i, part, classes);
			}
		}
		double best = 1;
		double bestLoss = Double.POSITIVE_INFINITY;
		for (double scale : SCALES) {
			double loss = 0;
			for (int i = 0; i < n; i++) {
				double[] z = scores[i].clone();
				for (int k = 0; k < classes; k++) {
					z[k] *= scale;
				}
				loss -= rows.weight()[i] * Math.log(Math.max(TextModel.softmax(z)[rows.label()[i]], 1e-300));
			}
			if (loss < bestLoss) {
				bestLoss = loss;
				best = scale;
			}
		}
		for (int j = 0; j < x.length; j++) {
			x[j] *= best;
		}
		return x;
	}

	private static double[] scores(Rows rows, int i, double[] x, int classes) {
		int biasStart = rows.dimension() * classes;
		double[] z = new double[classes];
		for (int k = 0; k < classes; k++) {
			z[k] = x[biasStart + k];
		}
		for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
			int base = rows.column()[p] * classes;
			for (int k = 0; k < classes; k++) {
				z[k] += x[base + k] * rows.value()[p];
			}
		}
		return z;
	}

	/** Same layout as the model: weights row-major by feature, then one bias per class. */
	static double[] fit(Rows rows, int classes, double c) {
		int dimension = rows.dimension();
		double[] x = new double[dimension * classes + classes];
		int n = rows.size();
		double[] squaredNorm = new double[n];
		for (int i = 0; i < n; i++) {
			double sum = 1; // the bias feature
			for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
				sum += (double) rows.value()[p] * rows.value()[p];
			}
			squaredNorm[i] = sum;
		}
		double[] w = new double[dimension];
		double[] alpha = new double[n];
		int[] order = new int[n];
		for (int k = 0; k < classes; k++) {
			java.util.Arrays.fill(w, 0);
			java.util.Arrays.fill(alpha, 0);
			double b = 0;
			Random random = new Random(SEED + k);
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			for (int epoch = 0; epoch < MAX_EPOCHS; epoch++) {
				for (int i = n - 1; i > 0; i--) {
					int j = random.nextInt(i + 1);
					int swap = order[i];
					order[i] = order[j];
					order[j] = swap;
				}
				double maxPg = Double.NEGATIVE_INFINITY;
				double minPg = Double.POSITIVE_INFINITY;
				for (int i : order) {
					double y = rows.label()[i] == k ? 1 : -1;
					double diagonal = 1 / (2 * c * rows.weight()[i]);
					double score = b;
					for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
						score += w[rows.column()[p]] * rows.value()[p];
					}
					double g = y * score - 1 + diagonal * alpha[i];
					double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
					maxPg = Math.max(maxPg, pg);
					minPg = Math.min(minPg, pg);
					if (Math.abs(pg) > 1e-12) {
						double old = alpha[i];
						alpha[i] = Math.max(old - g / (squaredNorm[i] + diagonal), 0);
						double d = (alpha[i] - old) * y;
						for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
							w[rows.column()[p]] += d * rows.value()[p];
						}
						b += d;
					}
				}
				if (maxPg - minPg < EPSILON) {
					break;
				}
			}
			for (int j = 0; j < dimension; j++) {
				x[j * classes + k] = w[j];
			}
			x[dimension * classes + k] = b;
		}
		return x;
	}

}
