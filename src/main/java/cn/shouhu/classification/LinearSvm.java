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
	static double[] calibrated(Rows rows, int classes, double c, double smoothing) {
		double[] x = fit(rows, classes, c, smoothing);
		int n = rows.size();
		double[][] scores = new double[n][];
		for (int f = 0; f < CALIBRATION_FOLDS; f++) {
			int fold = f;
			Rows train = rows.select(i -> i % CALIBRATION_FOLDS != fold);
			double[] part = fit(train, classes, c, smoothing);
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

	/**
	 * Same layout as the model: weights row-major by feature, then one bias per class. With {@code smoothing > 0}
	 * each class's machine sees every feature scaled by its naive Bayes log-count ratio for that class (NBSVM, Wang
	 * and Manning, ACL 2012): |ln((p_j / |p|) / (q_j / |q|))|, p_j and q_j the smoothed numbers of messages of the
	 * class and of the others that have feature j. A feature typical of one side weighs more before the
	 * regularisation sees it. The ratio is folded into the returned weights, so prediction is unchanged.
	 */
	static double[] fit(Rows rows, int classes, double c, double smoothing) {
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
		float[] original = rows.value();
		for (int k = 0; k < classes; k++) {
			double[] r = new double[dimension];
			java.util.Arrays.fill(r, 1);
			float[] scaled = original;
			if (smoothing > 0) {
				double[] pos = new double[dimension];
				double[] neg = new double[dimension];
				java.util.Arrays.fill(pos, smoothing);
				java.util.Arrays.fill(neg, smoothing);
				for (int i = 0; i < n; i++) {
					double[] target = rows.label()[i] == k ? pos : neg;
					for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
						target[rows.column()[p]] += 1;
					}
				}
				double sumPos = 0;
				double sumNeg = 0;
				for (int j = 0; j < dimension; j++) {
					sumPos += pos[j];
					sumNeg += neg[j];
				}
				// The sign of the ratio only flips the sign of the weight the machine learns; its size is what
				// changes the fit, so the absolute value keeps the scaled values' signs as they were.
				for (int j = 0; j < dimension; j++) {
					r[j] = Math.abs(Math.log((pos[j] / sumPos) / (neg[j] / sumNeg)));
				}
				scaled = new float[original.length];
				for (int p = 0; p < original.length; p++) {
					scaled[p] = (float) (original[p] * r[rows.column()[p]]);
				}
				for (int i = 0; i < n; i++) {
					double sum = 1;
					for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
						sum += (double) scaled[p] * scaled[p];
					}
					squaredNorm[i] = sum;
				}
			}
			float[] value = scaled;
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
						score += w[rows.column()[p]] * value[p];
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
							w[rows.column()[p]] += d * value[p];
						}
						b += d;
					}
				}
				if (maxPg - minPg < EPSILON) {
					break;
				}
			}
			for (int j = 0; j < dimension; j++) {
				x[j * classes + k] = w[j] * r[j];
			}
			x[dimension * classes + k] = b;
		}
		return x;
	}

}
