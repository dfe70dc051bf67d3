package cn.shouhu.classification;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Training data as sparse rows: row {@code i} has the entries {@code start[i]..start[i+1]} of {@code column} and
 * {@code value}, a label and a weight.
 */
record Rows(int[] start, int[] column, float[] value, int[] label, float[] weight, int dimension) {

	int size() {
		return label.length;
	}

	/** The rows whose index passes the filter, in order, over the same columns. */
	Rows select(IntPredicate keep) {
		int[] newStart = new int[size() + 1];
		int[] newLabel = new int[size()];
		float[] newWeight = new float[size()];
		int rowCount = 0;
		int nnz = 0;
		for (int i = 0; i < size(); i++) {
			if (keep.test(i)) {
				nnz += start[i + 1] - start[i];
			}
		}
		int[] newColumn = new int[nnz];
		float[] newValue = new float[nnz];
		int p = 0;
		for (int i = 0; i < size(); i++) {
			if (keep.test(i)) {
				newStart[rowCount] = p;
				int length = start[i + 1] - start[i];
				System.arraycopy(column, start[i], newColumn, p, length);
				System.arraycopy(value, start[i], newValue, p, length);
				p += length;
				newLabel[rowCount] = label[i];
				newWeight[rowCount++] = weight[i];
			}
		}
		newStart[rowCount] = p;
		return new Rows(Arrays.copyOf(newStart, rowCount + 1), newColumn, newValue,
				Arrays.copyOf(newLabel, rowCount), Arrays.copyOf(newWeight, rowCount), dimension);
	}

}
