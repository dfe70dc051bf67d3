package cn.shouhu.classification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A trained category model: TF-IDF features (sublinear term frequency, L2-normalised) of words, subject words, word
 * bigrams and character n-grams, and one-vs-rest linear SVMs over them (features scaled by naive Bayes log-count
 * ratios, NBSVM) whose decision values are scaled so that their softmax is a calibrated probability. Immutable and
 * thread-safe.
 *
 * <p>
 * Training is deterministic in a strong sense: the examples are put in a canonical order first, so the same
 * <em>set</em> of examples gives byte-identical {@link #toBytes()} whatever order they come in, on any JVM.
 *
 * <p>
 * A text the model cannot read gets no guesses: {@link #top} returns an empty list rather than a confident-looking
 * guess made from nothing. That is a text with fewer than two different letters or digits (empty, only punctuation,
 * 4,000 times the same character) or with fewer than {@value #MIN_EVIDENCE} distinct features the model knows.
 */
public final class TextModel {

	/** Distinct known features a text needs before the model guesses at all. */
	static final int MIN_EVIDENCE = 3;

	private static final int MAGIC = 0x53485443; // "SHTC"

	private static final int VERSION = 1;

	private static final Comparator<LabelledText> CANONICAL = Comparator
		.comparing((LabelledText t) -> t.label() == null ? "" : t.label())
		.thenComparing(LabelledText::subject)
		.thenComparing(LabelledText::detail);

	private final String[] labels;

	private final Features.Options options;

	private final long[] vocabulary;

	private final float[] idf;

	private final float[] weights;

	private final float[] bias;

	private final long[] tableKeys;

	private final int[] tableValues;

	private final ThreadLocal<Scratch> scratch;

	private TextModel(String[] labels, Features.Options options, long[] vocabulary, float[] idf, float[] weights,
			float[] bias) {
		this.labels = labels;
		this.options = options;
		this.vocabulary = vocabulary;
		this.idf = idf;
		this.weights = weights;
		this.bias = bias;
		int capacity = Integer.highestOneBit(Math.max(4, vocabulary.length * 2)) << 1;
		this.tableKeys = new long[capacity];
		this.tableValues = new int[capacity];
		Arrays.fill(this.tableValues, -1);
		for (int i = 0; i < vocabulary.length; i++) {
			int slot = (int) vocabulary[i] & (capacity - 1);
			while (this.tableValues[slot] >= 0) {
				slot = (slot + 1) & (capacity - 1);
			}
			this.tableKeys[slot] = vocabulary[i];
			this.tableValues[slot] = i;
		}
		this.scratch = ThreadLocal.withInitial(() -> new Scratch(vocabulary.length));
	}

	/** Trains on labelled examples with the default settings (chosen by cross-validation, docs/classification.md). */
	public static TextModel train(List<LabelledText> examples) {
		return train(examples, List.of());
	}

	/**
	 * Trains on labelled examples, using unlabelled messages for the word statistics: they count in the document
	 * frequencies (IDF) and in which features are frequent enough to keep. Their labels, if any, are ignored.
	 */
	public static TextModel train(List<LabelledText> examples, List<LabelledText> unlabelled) {
		return Training.DEFAULT.train(examples, unlabelled, List.of());
	}

	/**
	 * As {@link #train(List, List)}, also learning from prior knowledge: short labelled pseudo-documents such as the
	 * topic names of a published category tree ({@link TsvCorpus#readTaxonomy}). They count as training examples with
	 * a low weight; those of categories with no labelled example are ignored, so they never add a category.
	 */
	public static TextModel train(List<LabelledText> examples, List<LabelledText> unlabelled,
			List<LabelledText> prior) {
		return Training.DEFAULT.train(examples, unlabelled, prior);
	}

	/**
	 * The {@code n} most probable categories, most probable first (ties in label order), each with its softmax
	 * probability. Empty when the text gives the model nothing to go on (see the class comment) or {@code n < 1}.
	 */
	public List<Guess> top(String subject, String detail, int n) {
		if (n < 1) {
			return List.of();
		}
		double[] probabilities = probabilities(subject, detail);
		if (probabilities == null) {
			return List.of();
		}
		Integer[] order = new Integer[labels.length];
		for (int k = 0; k < order.length; k++) {
			order[k] = k;
		}
		Arrays.sort(order, (a, b) -> {
			int byProbability = Double.compare(probabilities[b], probabilities[a]);
			return byProbability != 0 ? byProbability : Integer.compare(a, b);
		});
		List<Guess> guesses = new ArrayList<>(Math.min(n, labels.length));
		for (int k = 0; k < Math.min(n, labels.length); k++) {
			guesses.add(new Guess(labels[order[k]], probabilities[order[k]]));
		}
		return Collections.unmodifiableList(guesses);
	}

	/** The categories this model knows, in sorted order. */
	public Set<String> labels() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(labels)));
	}

	/** Number of features (vocabulary entries) the model keeps. */
	int features() {
		return vocabulary.length;
	}

	private double[] probabilities(String subject, String detail) {
		if (!hasTwoDifferentContentChars(subject, detail)) {
			return null;
		}
		Scratch s = scratch.get();
		s.clear();
		Features.extract(subject, detail, options, hash -> {
			int index = indexOf(hash);
			if (index >= 0) {
				s.add(index);
			}
		});
		if (s.touched < MIN_EVIDENCE) {
			s.clear();
			return null;
		}
		int classes = labels.length;
		double norm = 0;
		for (int t = 0; t < s.touched; t++) {
			int index = s.indices[t];
			double v = sublinear(s.counts[index]) * idf[index];
			s.values[t] = v;
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		double[] scores = new double[classes];
		for (int k = 0; k < classes; k++) {
			scores[k] = bias[k];
		}
		for (int t = 0; t < s.touched; t++) {
			int base = s.indices[t] * classes;
			double v = s.values[t] / norm;
			for (int k = 0; k < classes; k++) {
				scores[k] += weights[base + k] * v;
			}
		}
		s.clear();
		return softmax(scores);
	}

	/** 1 + ln tf, from a table for the counts a message has: a table read is cheaper than a logarithm per feature. */
	private static double sublinear(int count) {
		return count < SUBLINEAR.length ? SUBLINEAR[count] : 1 + Math.log(count);
	}

	private static final double[] SUBLINEAR = new double[256];

	static {
		for (int tf = 1; tf < SUBLINEAR.length; tf++) {
			SUBLINEAR[tf] = 1 + Math.log(tf);
		}
	}

	private static boolean hasTwoDifferentContentChars(String subject, String detail) {
		int first = -1;
		for (String text : new String[] { subject, detail }) {
			if (text == null) {
				continue;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = Character.toLowerCase(text.charAt(i));
				if (Segmentation.isContentChar(c)) {
					if (first < 0) {
						first = c;
					}
					else if (c != first) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static double[] softmax(double[] scores) {
		double max = Double.NEGATIVE_INFINITY;
		for (double score : scores) {
			max = Math.max(max, score);
		}
		double sum = 0;
		double[] p = new double[scores.length];
		for (int k = 0; k < scores.length; k++) {
			p[k] = Math.exp(scores[k] - max);
			sum += p[k];
		}
		for (int k = 0; k < p.length; k++) {
			p[k] /= sum;
		}
		return p;
	}

	private int indexOf(long hash) {
		int mask = tableKeys.length - 1;
		int slot = (int) hash & mask;
		while (true) {
			int value = tableValues[slot];
			if (value < 0) {
				return -1;
			}
			if (tableKeys[slot] == hash) {
				return value;
			}
			slot = (slot + 1) & mask;
		}
	}

	/** Per-thread buffers for one prediction: term counts by feature index and the indices touched. */
	private static final class Scratch {

		final int[] counts;

		int[] indices = new int[256];

		double[] values = new double[256];

		int touched;

		Scratch(int size) {
			this.counts = new int[size];
		}

		void add(int index) {
			if (counts[index]++ == 0) {
				if (touched == indices.length) {
					indices = Arrays.copyOf(indices, touched * 2);
					values = Arrays.copyOf(values, touched * 2);
				}
				indices[touched++] = index;
			}
		}

		void clear() {
			for (int t = 0; t < touched; t++) {
				counts[indices[t]] = 0;
			}
			touched = 0;
		}

	}

	/**
	 * Settings of one training run; package-private so the cross-validation experiments can vary them.
	 * @param c the SVM's cost of a margin violation (large: fit the training data closely)
	 * @param minDf documents (labelled and unlabelled) a feature must occur in to be kept
	 * @param minLabelledDf training documents (labelled messages and prior pseudo-documents, not unlabelled
	 * messages) a feature must occur in to be kept: a feature seen in one labelled message only gets a weight fitted
	 * to that one message, and costs prediction time
	 * @param priorWeight weight of each prior-knowledge pseudo-document (a labelled message weighs 1)
	 * @param nbSmoothing add-α smoothing of the naive Bayes log-count ratios that scale the features (NBSVM, see
	 * {@link LinearSvm#fit}); 0 for a plain SVM
	 */
	record Training(Features.Options features, double c, int minDf, int minLabelledDf, float priorWeight,
			double nbSmoothing) {

		/** Chosen by 10-fold cross-validation on the TIPDM messages (docs/classification.md). */
		static final Training DEFAULT = new Training(new Features.Options(true, true, 1, 2, 200), 10, 3, 2, 0.3f,
				1);

		TextModel train(List<LabelledText> examples, List<LabelledText> unlabelled) {
			return train(examples, unlabelled, List.of());
		}

		TextModel train(List<LabelledText> examples, List<LabelledText> unlabelled, List<LabelledText> prior) {
			Objects.requireNonNull(examples, "examples");
			List<LabelledText> labelled = new ArrayList<>();
			for (LabelledText example : examples) {
				if (example == null || !example.labelled()) {
					throw new IllegalArgumentException("every training example needs a label");
				}
				labelled.add(example);
			}
			TreeSet<String> labelSet = new TreeSet<>();
			labelled.forEach(e -> labelSet.add(e.label()));
			if (labelSet.size() < 2) {
				throw new IllegalArgumentException(
						"training needs examples of at least two categories, got " + labelSet.size());
			}
			labelled.sort(CANONICAL);
			List<LabelledText> others = new ArrayList<>(unlabelled == null ? List.of() : unlabelled);
			others.removeIf(Objects::isNull);
			others.sort(CANONICAL);
			String[] labels = labelSet.toArray(String[]::new);
			List<LabelledText> pseudo = new ArrayList<>();
			for (LabelledText text : prior == null ? List.<LabelledText>of() : prior) {
				if (text != null && text.labelled() && labelSet.contains(text.label())) {
					pseudo.add(text);
				}
			}
			pseudo.sort(CANONICAL);
			List<Document> training = documents(labelled, labels, 1f);
			training.addAll(documents(pseudo, labels, priorWeight));
			return fit(labels, training, documents(others, null, 1f));
		}

		private List<Document> documents(List<LabelledText> texts, String[] labels, float weight) {
			List<Document> docs = new ArrayList<>(texts.size());
			for (LabelledText text : texts) {
				int label = labels == null ? -1 : Arrays.binarySearch(labels, text.label());
				docs.add(Document.of(text, features, label, weight));
			}
			return docs;
		}

		private TextModel fit(String[] labels, List<Document> training, List<Document> others) {
			List<Document> labelled = training;
			// Vocabulary: features of the training documents that occur in at least minDf documents of all we have;
			// the unlabelled documents count for the document frequencies and so for the IDF.
			long[] df = concatenateUnique(labelled, others);
			Arrays.sort(df);
			long[] trainingHashes = concatenateUnique(training, List.of());
			Arrays.sort(trainingHashes);
			long[] keys = new long[df.length];
			int[] counts = new int[df.length];
			int distinct = 0;
			for (int i = 0; i < df.length; i++) {
				if (distinct > 0 && keys[distinct - 1] == df[i]) {
					counts[distinct - 1]++;
				}
				else {
					keys[distinct] = df[i];
					counts[distinct++] = 1;
				}
			}
			int documents = labelled.size() + others.size();
			long[] vocabulary = new long[distinct];
			float[] idf = new float[distinct];
			int size = 0;
			int t = 0;
			for (int i = 0; i < distinct; i++) {
				while (t < trainingHashes.length && trainingHashes[t] < keys[i]) {
					t++;
				}
				int inTraining = 0;
				while (t < trainingHashes.length && trainingHashes[t] == keys[i]) {
					inTraining++;
					t++;
				}
				if (inTraining >= Math.max(1, minLabelledDf) && counts[i] >= minDf) {
					vocabulary[size] = keys[i];
					idf[size++] = (float) (Math.log((1.0 + documents) / (1.0 + counts[i])) + 1);
				}
			}
			vocabulary = Arrays.copyOf(vocabulary, size);
			idf = Arrays.copyOf(idf, size);
			Rows rows = rows(training, vocabulary, idf);
			double[] x = LinearSvm.calibrated(rows, labels.length, c, nbSmoothing);
			float[] weights = new float[size * labels.length];
			for (int i = 0; i < weights.length; i++) {
				weights[i] = (float) x[i];
			}
			float[] bias = new float[labels.length];
			for (int k = 0; k < labels.length; k++) {
				bias[k] = (float) x[weights.length + k];
			}
			return new TextModel(labels, features, vocabulary, idf, weights, bias);
		}

		private static long[] concatenateUnique(List<Document> a, List<Document> b) {
			int total = 0;
			for (Document d : a) {
				total += d.hashes.length;
			}
			for (Document d : b) {
				total += d.hashes.length;
			}
			long[] all = new long[total];
			int p = 0;
			for (List<Document> list : List.of(a, b)) {
				for (Document d : list) {
					System.arraycopy(d.hashes, 0, all, p, d.hashes.length);
					p += d.hashes.length;
				}
			}
			return all;
		}

		private static Rows rows(List<Document> docs, long[] vocabulary, float[] idf) {
			int[] start = new int[docs.size() + 1];
			List<int[]> columns = new ArrayList<>();
			List<float[]> values = new ArrayList<>();
			int nnz = 0;
			for (Document d : docs) {
				int[] c = new int[d.hashes.length];
				float[] v = new float[d.hashes.length];
				int n = 0;
				double norm = 0;
				for (int j = 0; j < d.hashes.length; j++) {
					int index = Arrays.binarySearch(vocabulary, d.hashes[j]);
					if (index >= 0) {
						c[n] = index;
						v[n] = (float) ((1 + Math.log(d.counts[j])) * idf[index]);
						norm += (double) v[n] * v[n];
						n++;
					}
				}
				norm = Math.sqrt(norm);
				for (int j = 0; j < n && norm > 0; j++) {
					v[j] = (float) (v[j] / norm);
				}
				columns.add(Arrays.copyOf(c, n));
				values.add(Arrays.copyOf(v, n));
				nnz += n;
			}
			int[] column = new int[nnz];
			float[] value = new float[nnz];
			int[] label = new int[docs.size()];
			float[] weight = new float[docs.size()];
			int p = 0;
			for (int i = 0; i < docs.size(); i++) {
				start[i] = p;
				System.arraycopy(columns.get(i), 0, column, p, columns.get(i).length);
				System.arraycopy(values.get(i), 0, value, p, values.get(i).length);
				p += columns.get(i).length;
				label[i] = docs.get(i).label;
				weight[i] = docs.get(i).weight;
			}
			start[docs.size()] = p;
			return new Rows(start, column, value, label, weight, vocabulary.length);
		}

	}

	/** One message as sorted distinct feature hashes with their counts. */
	private record Document(long[] hashes, int[] counts, int label, float weight) {

		static Document of(LabelledText text, Features.Options options, int label, float weight) {
			long[] buffer = new long[1024];
			int[] size = { 0 };
			long[][] holder = { buffer };
			Features.extract(text.subject(), text.detail(), options, hash -> {
				if (size[0] == holder[0].length) {
					holder[0] = Arrays.copyOf(holder[0], size[0] * 2);
				}
				holder[0][size[0]++] = hash;
			});
			long[] all = Arrays.copyOf(holder[0], size[0]);
			Arrays.sort(all);
			long[] hashes = new long[all.length];
			int[] counts = new int[all.length];
			int n = 0;
			for (long h : all) {
				if (n > 0 && hashes[n - 1] == h) {
					counts[n - 1]++;
				}
				else {
					hashes[n] = h;
					counts[n++] = 1;
				}
			}
			return new Document(Arrays.copyOf(hashes, n), Arrays.copyOf(counts, n), label, weight);
		}

	}

	/**
	 * The model as bytes: a header (magic, format version, CRC-32 of the content) and the deflated content. The same
	 * model always gives the same bytes.
	 */
	public byte[] toBytes() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(body)) {
			out.writeInt(labels.length);
			for (String label : labels) {
				out.writeUTF(label);
			}
			out.writeBoolean(options.subjectWords());
			out.writeBoolean(options.wordBigrams());
			out.writeInt(options.charMin());
			out.writeInt(options.charMax());
			out.writeInt(options.maxDetailChars());
			out.writeInt(vocabulary.length);
			for (int i = 0; i < vocabulary.length; i++) {
				out.writeLong(vocabulary[i]);
				out.writeFloat(idf[i]);
			}
			for (float w : weights) {
				out.writeFloat(w);
			}
			for (float b : bias) {
				out.writeFloat(b);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] content = body.toByteArray();
		CRC32 crc = new CRC32();
		crc.update(content);
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(content);
		deflater.finish();
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(result)) {
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeInt(content.length);
			out.writeLong(crc.getValue());
			byte[] buffer = new byte[65536];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deflater.end();
		}
		return result.toByteArray();
	}

	/**
	 * Reads a model written by {@link #toBytes()}.
	 * @throws IllegalArgumentException if the bytes are not a model of this format, truncated or corrupt (checked
	 * with a CRC-32), with a message saying which
	 */
	public static TextModel fromBytes(byte[] bytes) {
		if (bytes == null || bytes.length < 20) {
			throw new IllegalArgumentException("not a text model: too short");
		}
		try {
			DataInputStream header = new DataInputStream(new ByteArrayInputStream(bytes, 0, 20));
			if (header.readInt() != MAGIC) {
				throw new IllegalArgumentException("not a text model: wrong magic number");
			}
			int version = header.readInt();
			if (version != VERSION) {
				throw new IllegalArgumentException("unsupported text model format version " + version);
			}
			int length = header.readInt();
			long expectedCrc = header.readLong();
			if (length < 0 || length > 512 * 1024 * 1024) {
				throw new IllegalArgumentException("corrupt text model: bad length");
			}
			byte[] content = new byte[length];
			Inflater inflater = new Inflater();
			try {
				inflater.setInput(bytes, 20, bytes.length - 20);
				int read = 0;
				while (read < length && !inflater.finished()) {
					int n = inflater.inflate(content, read, length - read);
					if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
						break;
					}
					read += n;
				}
				if (read != length || !inflater.finished() || inflater.getRemaining() != 0) {
					throw new IllegalArgumentException("corrupt text model: truncated or wrong length");
				}
			}
			finally {
				inflater.end();
			}
			CRC32 crc = new CRC32();
			crc.update(content);
			if (crc.getValue() != expectedCrc) {
				throw new IllegalArgumentException("corrupt text model: checksum mismatch");
			}
			return parse(new DataInputStream(new ByteArrayInputStream(content)), length);
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("corrupt text model: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("corrupt text model: " + ex.getMessage(), ex);
		}
	}

	private static TextModel parse(DataInputStream in, int length) throws IOException {
		int classes = in.readInt();
		if (classes < 2 || classes > 10_000) {
			throw new IllegalArgumentException("corrupt text model: bad number of labels");
		}
		String[] labels = new String[classes];
		for (int k = 0; k < classes; k++) {
			labels[k] = in.readUTF();
		}
		Features.Options options = new Features.Options(in.readBoolean(), in.readBoolean(), in.readInt(), in.readInt(),
				in.readInt());
		int size = in.readInt();
		if (size < 0 || (long) size * (12 + 4L * classes) > length) {
			throw new IllegalArgumentException("corrupt text model: bad vocabulary size");
		}
		long[] vocabulary = new long[size];
		float[] idf = new float[size];
		for (int i = 0; i < size; i++) {
			vocabulary[i] = in.readLong();
			idf[i] = in.readFloat();
		}
		float[] weights = new float[size * classes];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = in.readFloat();
		}
		float[] bias = new float[classes];
		for (int k = 0; k < classes; k++) {
			bias[k] = in.readFloat();
		}
		if (in.read() != -1) {
			throw new IllegalArgumentException("corrupt text model: trailing data");
		}
		return new TextModel(labels, options, vocabulary, idf, weights, bias);
	}

}
