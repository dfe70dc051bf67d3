package cn.shouhu.matters.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shouhu.classification.Evaluation;
import cn.shouhu.classification.LabelledText;
import cn.shouhu.classification.TextModel;
import cn.shouhu.classification.TsvCorpus;

/**
 * The default model on the held-out part of the project's own corpus: the stratified fifth with the fixed seed that
 * the first start also holds out, so this is the accuracy the models page shows for version 1.
 */
class DefaultModelAccuracyTest {

	/**
	 * The floor. Measured: 90.7 % accuracy (macro-F1 0.91) on the 183 held-out messages. With 183 messages the
	 * standard error of an accuracy near 0.9 is about 2.2 points, so 80 % is some five standard errors below what
	 * the model reaches: rewording or adding corpus messages will not cross it, while a real regression will — a
	 * segmenter that stopped finding words, labels shifted between columns, or training that no longer converges
	 * all fall far below (chance among 12 categories is 8 %, and the character naive Bayes reaches about
	 * 71 % on real citizen messages). At 80 % a clerk still confirms the first suggestion four times in five.
	 */
	static final double FLOOR = 0.80;

	@Test
	void theDefaultModelClassifiesHeldOutCorpusMessagesAboveTheFloor() throws Exception {
		List<LabelledText> corpus;
		try (Reader reader = new InputStreamReader(
				DefaultModelAccuracyTest.class.getResourceAsStream("/classification/corpus.tsv"),
				StandardCharsets.UTF_8)) {
			corpus = TsvCorpus.read(reader);
		}
		HeldOutSplit<LabelledText> split = HeldOutSplit.of(corpus, LabelledText::label);
		assertThat(split.heldOut()).hasSizeGreaterThanOrEqualTo(12 * 14);

		Evaluation evaluation = Evaluation.of(TextModel.train(split.training()), split.heldOut());

		assertThat(evaluation.accuracy()).as(evaluation.report()).isGreaterThanOrEqualTo(FLOOR);
		assertThat(evaluation.macroF1()).as(evaluation.report()).isGreaterThanOrEqualTo(FLOOR - 0.02);
	}

}
