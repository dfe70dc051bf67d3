package cn.shouhu.classification;

/**
 * Multinomial logistic regression with L2 regularisation, fitted by full-batch L-BFGS. Full batch and a fixed
 * iteration order make the fit a pure function of its input (no random sampling), and the softmax gives
 * probabilities that mean something as confidences.
 */
final class SoftmaxRegression {

	private static final int HISTORY = 10;

	private static final int MAX_ITERATIONS = 300;

	private static final double TOLERANCE = 1e-7;

	/** Sparse rows: {@code start[i]..start[i+1]} index {@code column} and {@code value}. */
	record Rows(int[] start, int[] column, float[] value, int[] label, float[] weight, int dimension) {

		int size() {
			return label.length;
		}

	}

	/** Weights row-major by feature ({@code weights[feature * classes + class]}), then one bias per class. */
	static double[] fit(Rows rows, int classes, double lambda) {
		int dim = rows.dimension() * classes + classes;
		double[] x = new double[dim];
		double[] g = new double[dim];
		double f = evaluate(rows, classes, lambda, x, g);
		double[][] s = new double[HISTORY][];
		double[][] y = new double[HISTORY][];
		double[] rho = new double[HISTORY];
		int stored = 0;
		int next = 0;
		double[] direction = new double[dim];
		double[] xNew = new double[dim];
		double[] gNew = new double[dim];
		for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
			double gNorm = Math.sqrt(dot(g, g));
			if (gNorm < TOLERANCE) {
				break;
			}
			// Two-loop recursion: direction = -H·g.
			System.arraycopy(g, 0, direction, 0, dim);
			double[] alpha = new double[HISTORY];
			for (int k = 0; k < stored; k++) {
				int j = Math.floorMod(next - 1 - k, HISTORY);
				alpha[j] = rho[j] * dot(s[j], direction);
				axpy(-alpha[j], y[j], direction);
			}
			if (stored > 0) {
				int last = Math.floorMod(next - 1, HISTORY);
				scale(direction, dot(s[last], y[last]) / dot(y[last], y[last]));
			}
			else {
				scale(direction, 1 / gNorm);
			}
			for (int k = stored - 1; k >= 0; k--) {
				int j = Math.floorMod(next - 1 - k, HISTORY);
				double beta = rho[j] * dot(y[j], direction);
				axpy(alpha[j] - beta, s[j], direction);
			}
			scale(direction, -1);
			double slope = dot(direction, g);
			if (slope >= 0) {
				// Not a descent direction (numerical trouble): restart from steepest descent.
				System.arraycopy(g, 0, direction, 0, dim);
				scale(direction, -1 / gNorm);
				slope = dot(direction, g);
				stored = 0;
			}
			double step = 1;
			double fNew;
			int tries = 0;
			while (true) {
				for (int i = 0; i < dim; i++) {
					xNew[i] = x[i] + step * direction[i];
				}
				fNew = evaluate(rows, classes, lambda, xNew, gNew);
				if (fNew <= f + 1e-4 * step * slope || ++tries > 30) {
					break;
				}
				step *= 0.5;
			}
			double[] sk = new double[dim];
			double[] yk = new double[dim];
			for (int i = 0; i < dim; i++) {
				sk[i] = xNew[i] - x[i];
				yk[i] = gNew[i] - g[i];
			}
			double sy = dot(sk, yk);
			double improvement = f - fNew;
			System.arraycopy(xNew, 0, x, 0, dim);
			System.arraycopy(gNew, 0, g, 0, dim);
			f = fNew;
			if (sy > 1e-12) {
				s[next] = sk;
				y[next] = yk;
				rho[next] = 1 / sy;
				next = (next + 1) % HISTORY;
				stored = Math.min(stored + 1, HISTORY);
			}
			if (improvement >= 0 && improvement < TOLERANCE * Math.max(1, Math.abs(f))) {
				break;
			}
		}
		return x;
	}

	/** Mean weighted log loss plus (λ/2)·|W|² (the biases are not penalised); writes the gradient into g. */
	static double evaluate(Rows rows, int classes, double lambda, double[] x, double[] g) {
		java.util.Arrays.fill(g, 0);
		int biasStart = rows.dimension() * classes;
		double totalWeight = 0;
		for (int i = 0; i < rows.size(); i++) {
			totalWeight += rows.weight()[i];
		}
		double loss = 0;
		double[] scores = new double[classes];
		for (int i = 0; i < rows.size(); i++) {
			for (int k = 0; k < classes; k++) {
				scores[k] = x[biasStart + k];
			}
			for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
				int base = rows.column()[p] * classes;
				double v = rows.value()[p];
				for (int k = 0; k < classes; k++) {
					scores[k] += x[base + k] * v;
				}
			}
			double max = Double.NEGATIVE_INFINITY;
			for (double score : scores) {
				max = Math.max(max, score);
			}
			double sum = 0;
			for (int k = 0; k < classes; k++) {
				scores[k] = Math.exp(scores[k] - max);
				sum += scores[k];
			}
			double w = rows.weight()[i] / totalWeight;
			int label = rows.label()[i];
			loss -= w * Math.log(Math.max(scores[label] / sum, 1e-300));
			for (int k = 0; k < classes; k++) {
				scores[k] = w * (scores[k] / sum - (k == label ? 1 : 0));
				g[biasStart + k] += scores[k];
			}
			for (int p = rows.start()[i]; p < rows.start()[i + 1]; p++) {
				int base = rows.column()[p] * classes;
				double v = rows.value()[p];
				for (int k = 0; k < classes; k++) {
					g[base + k] += scores[k] * v;
				}
			}
		}
		double penalty = 0;
		for (int j = 0; j < biasStart; j++) {
			penalty += x[j] * x[j];
			g[j] += lambda * x[j];
		}
		return loss + lambda / 2 * penalty;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static void axpy(double a, double[] x, double[] y) {
		for (int i = 0; i < x.length; i++) {
			y[i] += a * x[i];
		}
	}

	private static void scale(double[] x, double a) {
		for (int i = 0; i < x.length; i++) {
			x[i] *= a;
		}
	}

}
