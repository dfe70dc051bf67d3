package cn.shouhu.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandLineTest {

	@TempDir
	Path dir;

	Path train;

	Path eval;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void writeCorpora() throws IOException {
		train = dir.resolve("train.tsv");
		eval = dir.resolve("eval.tsv");
		write(train, Samples.TRAINING);
		write(eval, List.of(new LabelledText("冒充客服诈骗", "对方让我转账到安全账户", "FRAUD"),
				new LabelledText("新生儿落户", "出生证明和户口本", "HOUSEHOLD"),
				new LabelledText("车辆乱停放", "路口交通拥堵", "TRAFFIC")));
	}

	@Test
	void recognisesOnlyItsOwnCommand() {
		assertThat(ClassifyCommandLine.isRequested(new String[] { "classify", "--train", "a.tsv" })).isTrue();
		assertThat(ClassifyCommandLine.isRequested(new String[] { "--server.port=18080" })).isFalse();
		assertThat(ClassifyCommandLine.isRequested(new String[0])).isFalse();
		assertThat(ClassifyCommandLine.isRequested(null)).isFalse();
	}

	@Test
	void trainsEvaluatesAndEndsWithTheAccuracyLine() {
		int status = run("classify", "--train", train.toString(), "--eval", eval.toString());
		assertThat(status).isZero();
		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("accuracy: ", "macro-F1: ", "confusion matrix", "training time: ",
				"messages/s of CPU time on one thread");
		List<String> lines = output.lines().toList();
		assertThat(lines.get(lines.size() - 1)).matches("accuracy=[01]\\.\\d{4}");
		assertThat(output.lines().filter(l -> l.startsWith("accuracy=")).count()).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void crossValidates() {
		int status = run("classify", "--cv", "4", "--train", train.toString(), "--seed", "7");
		assertThat(status).isZero();
		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("4-fold stratified cross-validation, seed 7", "examples: 24");
		List<String> lines = output.lines().toList();
		assertThat(lines.get(lines.size() - 1)).matches("accuracy=[01]\\.\\d{4}");
	}

	@Test
	void crossValidatesWithACategoryTree() throws IOException {
		Path tree = dir.resolve("tree.tsv");
		Files.writeString(tree, "level1\tlevel2\tlevel3\nTRAFFIC\t道路交通\t违章停车\nFRAUD\t电信诈骗\t冒充客服\n");
		int status = run("classify", "--cv", "4", "--train", train.toString(), "--taxonomy", tree.toString());
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 topics from " + tree, "examples: 24");
		out.reset();
		Files.writeString(tree, "level1\tlevel2\nTRAFFIC\t道路交通\n");
		assertThat(run("classify", "--cv", "4", "--train", train.toString(), "--taxonomy", tree.toString()))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("level3");
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("accuracy=");
	}

	@Test
	void badUsageExitsWithTwoAndSaysWhy() {
		assertThat(run("classify")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--train is required", "usage:");
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
		err.reset();
		assertThat(run("classify", "--train", train.toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("give either --eval or --cv");
		err.reset();
		assertThat(run("classify", "--train", train.toString(), "--cv", "ten")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--cv needs a whole number");
		err.reset();
		assertThat(run("classify", "--train", train.toString(), "--frobnicate", "x")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate");
		err.reset();
		assertThat(run("classify", "--train", train.toString(), "--cv", "100")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("folds must be between 2 and");
	}

	@Test
	void badInputExitsWithTwoAndNamesTheLine() throws IOException {
		Files.writeString(eval, "subject\tdetail\tcategory\n标题\t内容\tFRAUD\n只有标题\n");
		assertThat(run("classify", "--train", train.toString(), "--eval", eval.toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("classify: Line 3: expected 3 tab-separated fields as in the header, found 1.");
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("accuracy=");
		err.reset();
		assertThat(run("classify", "--train", dir.resolve("missing.tsv").toString(), "--eval", eval.toString()))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("File not found", "missing.tsv");
	}

	private int run(String... args) {
		return ClassifyCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private static void write(Path file, List<LabelledText> texts) throws IOException {
		StringBuilder tsv = new StringBuilder("id\tsubject\tdetail\tcategory\n");
		int id = 1;
		for (LabelledText t : texts) {
			tsv.append(id++).append('\t').append(t.subject()).append('\t').append(t.detail()).append('\t')
				.append(t.label()).append('\n');
		}
		Files.writeString(file, tsv);
	}

}
