package cn.shouhu.matters.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shouhu.classification.TextProfile;

/**
 * Duplicate scoring, and the measurements behind the threshold of 0.45 (see {@link DuplicateScoring}): the same
 * problem told twice scores above it, different problems below it.
 */
class DuplicateScoringTest {

	private static final double THRESHOLD = 0.45;

	private static final MatterText NOISE = new MatterText("小区门口夜间施工噪音扰民",
			"每晚十一点后仍在施工，噪音很大，影响老人和孩子休息。", "青山路某小区北门", "青山路社区");

	/** The same construction site, reported again in other words by a neighbour. */
	private static final MatterText NOISE_AGAIN = new MatterText("工地晚上施工太吵",
			"小区北门的工地每天晚上十一点以后还在施工，噪音太大，孩子和老人都睡不好。", "青山路某小区", "青山路社区");

	/** Another noise problem in the same community: a barbecue, not the construction site. */
	private static final MatterText OTHER_NOISE = new MatterText("楼下烧烤店喧哗扰民",
			"楼下烧烤店每天营业到凌晨两点，客人喝酒喧哗，严重扰民。", "青山路某小区 3 号楼", "青山路社区");

	@Test
	void theSameProblemToldAgainAtTheSamePlaceIsAboveTheThreshold() {
		double score = DuplicateScoring.score(NOISE, NOISE_AGAIN);
		assertThat(score).isGreaterThan(THRESHOLD);
		assertThat(DuplicateScoring.score(NOISE_AGAIN, NOISE)).isEqualTo(score);
	}

	@Test
	void anotherProblemAtTheSamePlaceIsBelowIt() {
		assertThat(DuplicateScoring.score(NOISE, OTHER_NOISE)).isLessThan(THRESHOLD);
	}

	@Test
	void theSameTextAtAnotherPlaceCountsLessThanAtTheSamePlace() {
		MatterText elsewhere = new MatterText(NOISE_AGAIN.title(), NOISE_AGAIN.description(), "钢铁大街 88 号",
				"钢铁大街社区");
		MatterText nowhere = new MatterText(NOISE_AGAIN.title(), NOISE_AGAIN.description(), null, null);
		double same = DuplicateScoring.score(NOISE, NOISE_AGAIN);
		double unknown = DuplicateScoring.score(NOISE, nowhere);
		double other = DuplicateScoring.score(NOISE, elsewhere);
		assertThat(same).isGreaterThan(unknown);
		assertThat(unknown).isGreaterThan(other);
		assertThat(other).isLessThan(THRESHOLD);
	}

	@Test
	void anIdenticalMatterScoresOneAndNoTextScoresNothingFromTheText() {
		assertThat(DuplicateScoring.score(NOISE, NOISE)).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
		MatterText punctuation = new MatterText("！！！", "。。。", null, "青山路社区");
		assertThat(DuplicateScoring.score(NOISE, punctuation)).isEqualTo(DuplicateScoring.PLACE_WEIGHT);
	}

	/**
	 * Different messages of the test corpus (72 messages, no two about the same event) are the false alarms the
	 * threshold must keep out: 99 % of their pairs score below 0.2 on their text, and with an unknown place (the
	 * corpus has none) not one pair reaches the threshold.
	 */
	@Test
	void differentMessagesOfTheCorpusStayBelowTheThreshold() throws Exception {
		List<String> texts = TextProfileTest.corpusTexts();
		List<TextProfile> profiles = texts.stream().map(TextProfile::of).toList();
		List<Double> pairs = new ArrayList<>();
		for (int i = 0; i < profiles.size(); i++) {
			for (int j = i + 1; j < profiles.size(); j++) {
				pairs.add(profiles.get(i).similarity(profiles.get(j)));
			}
		}
		Collections.sort(pairs);
		double p99 = pairs.get((int) (pairs.size() * 0.99));
		assertThat(p99).isLessThan(0.2);
		double highestScore = DuplicateScoring.TEXT_WEIGHT * pairs.get(pairs.size() - 1)
				+ DuplicateScoring.PLACE_WEIGHT * DuplicateScoring.UNKNOWN_PLACE;
		assertThat(highestScore).isLessThan(THRESHOLD);
	}

}
