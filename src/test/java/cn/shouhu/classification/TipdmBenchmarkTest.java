package cn.shouhu.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of docs/classification.md on the real citizen messages of the TIPDM 2020 contest, which live beside
 * the project in {@code ../shared/data/tipdm-2020} and are never copied into it. Skipped (with a message) where the
 * data is absent; tagged {@code tipdm} so a build can also exclude it by tag.
 */
@Tag("tipdm")
class TipdmBenchmarkTest {

	private static final Path DATA = Path.of("..", "shared", "data", "tipdm-2020");

	@Test
	void tenFoldCrossValidationOnTheLabelledMessages() {
		Path labelled = DATA.resolve("labeled.tsv");
		assumeTrue(Files.isRegularFile(labelled),
				"TIPDM data not found at " + DATA.toAbsolutePath().normalize() + ": benchmark skipped");
		List<LabelledText> all = TsvCorpus.read(labelled);
		assertThat(all).hasSize(495);
		Evaluation evaluation = Evaluation.crossValidate(all, 10, 1);
		System.out.print(evaluation.report());
		// Measured (docs/classification.md): accuracy 0.8444, macro-F1 0.8370 with seed 1; the fold split alone moves
		// them by 2-3 points (seeds 2 and 3: 0.8343 and 0.8242). The floors sit about 5 points below the measurement
		// and 3 below the worst seed, so a new fold split or a harmless change passes and a real regression fails;
		// they stay well above the 71 % of a character naive Bayes the method must beat.
		assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(ACCURACY_FLOOR);
		assertThat(evaluation.macroF1()).isGreaterThanOrEqualTo(MACRO_F1_FLOOR);
		assertThat(evaluation.unanswered()).isZero();
	}

	@Test
	void issueGoalWithUnlabelledMessagesAndTheCategoryTree() {
		Path labelled = DATA.resolve("labeled.tsv");
		Path unlabelled = DATA.resolve("unlabeled.tsv");
		Path tree = DATA.resolve("category-tree.tsv");
		assumeTrue(Files.isRegularFile(labelled) && Files.isRegularFile(unlabelled) && Files.isRegularFile(tree),
				"TIPDM data not found at " + DATA.toAbsolutePath().normalize() + ": benchmark skipped");
		Evaluation evaluation = Evaluation.crossValidate(TsvCorpus.read(labelled), TsvCorpus.readUnlabelled(unlabelled),
				TsvCorpus.readTaxonomy(tree), 10, 1);
		System.out.print(evaluation.report());
		// Measured: 0.8848 with seed 1 (seeds 2 and 3: 0.8788 and 0.8727). The floor is the issue's goal of 85 %,
		// 2-3 points below every measured split: a change that falls below it has lost the goal.
		assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.85);
		assertThat(evaluation.unanswered()).isZero();
	}

	static final double ACCURACY_FLOOR = 0.79;

	static final double MACRO_F1_FLOOR = 0.78;

}
