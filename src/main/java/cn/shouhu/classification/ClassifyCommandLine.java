package cn.shouhu.classification;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar shouhu.jar classify --train A.tsv --eval B.tsv [--unlabelled U.tsv] [--taxonomy T.tsv]} trains a
 * model and evaluates it on a test file; {@code classify --cv 10 --train A.tsv [--unlabelled U.tsv] [--taxonomy T.tsv]
 * [--seed 1]} cross-validates instead. {@code --taxonomy} adds a category tree's topic names as prior knowledge
 * ({@link TsvCorpus#readTaxonomy}). It prints accuracy, macro-F1, the confusion matrix, training time and
 * prediction throughput, and ends with one line {@code accuracy=0.xxxx}. Exit code 0 when it ran, 2 on bad usage
 * or input (message on stderr). No Spring context starts: {@code ShouhuApplication.main} hands the arguments here first.
 */
public final class ClassifyCommandLine {

	public static final String COMMAND = "classify";

	public static final int OK = 0;

	public static final int BAD_INPUT = 2;

	private static final long WARM_UP_NANOS = 1_000_000_000L;

	private static final long MEASURE_NANOS = 2_000_000_000L;

	static final String USAGE = """
			usage: classify --train A.tsv --eval B.tsv [--unlabelled U.tsv] [--taxonomy T.tsv]
			       classify --cv 10 --train A.tsv [--unlabelled U.tsv] [--taxonomy T.tsv] [--seed 1]
			TSV files are UTF-8 with a header row; the columns subject, detail and category are read by name;
			a taxonomy file has the columns level1 (category), level2 and level3 (topic names).""";

	private ClassifyCommandLine() {
	}

	public static boolean isRequested(String[] args) {
		return args != null && args.length > 0 && COMMAND.equals(args[0]);
	}

	/** Runs the command; the caller exits the JVM with the returned status. */
	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("classify: " + ex.getMessage());
			err.println(USAGE);
			return BAD_INPUT;
		}
		try {
			List<LabelledText> train = TsvCorpus.read(arguments.train());
			List<LabelledText> unlabelled = arguments.unlabelled() == null ? List.of()
					: TsvCorpus.readUnlabelled(arguments.unlabelled());
			List<LabelledText> taxonomy = arguments.taxonomy() == null ? List.of()
					: TsvCorpus.readTaxonomy(arguments.taxonomy());
			out.printf("training: %d labelled messages from %s%s%s%n", train.size(), arguments.train(),
					unlabelled.isEmpty() ? "" : ", " + unlabelled.size() + " unlabelled from " + arguments.unlabelled(),
					taxonomy.isEmpty() ? "" : ", " + taxonomy.size() + " topics from " + arguments.taxonomy());
			Evaluation evaluation;
			if (arguments.folds() > 0) {
				out.printf("%d-fold stratified cross-validation, seed %d%n", arguments.folds(), arguments.seed());
				evaluation = Evaluation.crossValidate(train, unlabelled, taxonomy, arguments.folds(),
						arguments.seed());
				out.print(evaluation.report());
				out.printf("training time: %d ms in total for %d folds%n", evaluation.trainingMillis(),
						arguments.folds());
				out.printf(Locale.ROOT, "prediction: %.0f messages/s (one thread, cold: each fold's model once)%n",
						evaluation.messagesPerSecond());
			}
			else {
				List<LabelledText> test = TsvCorpus.read(arguments.eval());
				long start = System.nanoTime();
				TextModel model = TextModel.train(train, unlabelled, taxonomy);
				long millis = (System.nanoTime() - start) / 1_000_000;
				out.printf("training time: %d ms; model: %d labels, %d features, %d bytes%n", millis,
						model.labels().size(), model.features(), model.toBytes().length);
				evaluation = Evaluation.of(model, test, millis);
				out.printf("evaluation: %d messages from %s%n", test.size(), arguments.eval());
				out.print(evaluation.report());
				Throughput throughput = throughput(model, test);
				out.printf(Locale.ROOT,
						"prediction: %.0f messages/s of CPU time on one thread (%.0f messages/s wall clock; top 3, "
								+ "segmentation included, the test messages repeated for %d s of CPU time)%n",
						throughput.perCpuSecond(), throughput.perWallSecond(), MEASURE_NANOS / 1_000_000_000L);
			}
			out.printf(Locale.ROOT, "accuracy=%.4f%n", evaluation.accuracy());
			return OK;
		}
		catch (MalformedCorpusException ex) {
			err.println("classify: " + ex.getMessage());
			return BAD_INPUT;
		}
		catch (IllegalArgumentException ex) {
			err.println("classify: " + ex.getMessage());
			return BAD_INPUT;
		}
	}

	/**
	 * Messages per second of this thread's CPU time for {@code top(subject, detail, 3)}, segmentation included: the
	 * test messages are classified over and over, first for a second to let the JIT compile, then counted for two
	 * seconds of CPU time. CPU time rather than wall time, so that other processes on a shared machine do not
	 * distort the figure; the wall-clock rate is printed beside it.
	 */
	static Throughput throughput(TextModel model, List<LabelledText> texts) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sink = 0;
		long warmUpEnd = threads.getCurrentThreadCpuTime() + WARM_UP_NANOS;
		for (int i = 0; threads.getCurrentThreadCpuTime() < warmUpEnd; i = (i + 1) % texts.size()) {
			sink += model.top(texts.get(i).subject(), texts.get(i).detail(), 3).size();
		}
		long wallStart = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long count = 0;
		int i = 0;
		while (threads.getCurrentThreadCpuTime() - cpuStart < MEASURE_NANOS) {
			for (int batch = 0; batch < 50; batch++) {
				sink += model.top(texts.get(i).subject(), texts.get(i).detail(), 3).size();
				i = (i + 1) % texts.size();
				count++;
			}
		}
		long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
		long wall = System.nanoTime() - wallStart;
		if (sink < 0) {
			throw new IllegalStateException("unreachable: keeps the JIT from removing the loop");
		}
		return new Throughput(count / (cpu / 1e9), count / (wall / 1e9));
	}

	record Throughput(double perCpuSecond, double perWallSecond) {
	}

	private record Arguments(Path train, Path eval, Path unlabelled, Path taxonomy, int folds, long seed) {

		static Arguments parse(String[] args) {
			Path train = null;
			Path eval = null;
			Path unlabelled = null;
			Path taxonomy = null;
			int folds = 0;
			long seed = 1;
			for (int i = 1; i < args.length; i++) {
				String option = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("option " + option + " needs a value");
				}
				String value = args[++i];
				switch (option) {
					case "--train" -> train = Path.of(value);
					case "--eval" -> eval = Path.of(value);
					case "--unlabelled", "--unlabeled" -> unlabelled = Path.of(value);
					case "--taxonomy" -> taxonomy = Path.of(value);
					case "--cv" -> folds = number(option, value);
					case "--seed" -> seed = number(option, value);
					default -> throw new IllegalArgumentException("unknown option " + option);
				}
			}
			if (train == null) {
				throw new IllegalArgumentException("--train is required");
			}
			if ((eval == null) == (folds == 0)) {
				throw new IllegalArgumentException("give either --eval or --cv");
			}
			if (eval == null && folds < 2) {
				throw new IllegalArgumentException("--cv needs at least 2 folds");
			}
			return new Arguments(train, eval, unlabelled, taxonomy, folds, seed);
		}

		private static int number(String option, String value) {
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(option + " needs a whole number, got \"" + value + "\"");
			}
		}

	}

}
