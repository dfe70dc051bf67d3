package cn.shouhu.matters.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shouhu.classification.LabelledText;
import cn.shouhu.classification.TsvCorpus;
import cn.shouhu.classification.Words;

/** The kept profiles compare texts exactly as {@link Words#similarity} does, only faster. */
class TextProfileTest {

	static List<String> corpusTexts() throws Exception {
		try (Reader reader = new InputStreamReader(TextProfileTest.class.getResourceAsStream("/suggestions/corpus.tsv"),
				StandardCharsets.UTF_8)) {
			List<String> texts = new ArrayList<>();
			for (LabelledText text : TsvCorpus.read(reader)) {
				texts.add(text.subject() + "\n" + text.detail());
			}
			return texts;
		}
	}

	@Test
	void everyPairOfCorpusMessagesScoresAsWordsSimilarityDoes() throws Exception {
		List<String> texts = corpusTexts();
		texts.add("ＫＴＶ门口　打架！！");
		texts.add("！！！。。。");
		texts.add("");
		List<TextProfile> profiles = texts.stream().map(TextProfile::of).toList();
		for (int i = 0; i < texts.size(); i++) {
			for (int j = i; j < texts.size(); j++) {
				assertThat(profiles.get(i).similarity(profiles.get(j)))
					.as("%s | %s", texts.get(i), texts.get(j))
					.isCloseTo(Words.similarity(texts.get(i), texts.get(j)), within(1e-12));
			}
		}
	}

	@Test
	void punctuationAloneIsEmptyAndLikeNothing() {
		TextProfile punctuation = TextProfile.of("！！！。。。???");
		assertThat(punctuation.isEmpty()).isTrue();
		assertThat(punctuation.similarity(TextProfile.of("孩子被反锁在家"))).isZero();
	}

}
