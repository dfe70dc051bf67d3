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
import cn.shouhu.classification.TextProfile;
import cn.shouhu.classification.TsvCorpus;
import cn.shouhu.classification.Words;

/** The duplicate search compares kept profiles ({@link TextProfile}): what it relies on, over the corpus. */
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
	void similarityIsSymmetricAndEveryMessageIsLikeItselfAsWordsSays() throws Exception {
		List<String> texts = corpusTexts();
		List<TextProfile> profiles = texts.stream().map(TextProfile::of).toList();
		for (int i = 0; i < texts.size(); i++) {
			assertThat(profiles.get(i).similarity(profiles.get(i))).as(texts.get(i)).isCloseTo(1.0, within(1e-9));
			for (int j = i + 1; j < texts.size(); j++) {
				double similarity = profiles.get(i).similarity(profiles.get(j));
				assertThat(similarity).as("%s | %s", texts.get(i), texts.get(j))
					.isCloseTo(profiles.get(j).similarity(profiles.get(i)), within(1e-12))
					.isBetween(0.0, 1.0);
			}
		}
		assertThat(Words.similarity(texts.get(0), texts.get(1)))
			.isCloseTo(profiles.get(0).similarity(profiles.get(1)), within(1e-12));
	}

	@Test
	void fullWidthFormsAndTheIdeographicSpaceReadAsTheirPlainForms() {
		assertThat(TextProfile.of("ＫＴＶ门口　打架！！").similarity(TextProfile.of("ktv门口 打架!!"))).isCloseTo(1.0,
				within(1e-9));
	}

	@Test
	void punctuationAloneIsEmptyAndLikeNothing() {
		TextProfile punctuation = TextProfile.of("！！！。。。???");
		assertThat(punctuation.isEmpty()).isTrue();
		assertThat(punctuation.similarity(TextProfile.of("孩子被反锁在家"))).isZero();
	}

}
