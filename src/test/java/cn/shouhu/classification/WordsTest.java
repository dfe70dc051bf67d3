package cn.shouhu.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WordsTest {

	@Test
	void segmentsIntoContentWordsWithoutStopWordsOrPunctuation() {
		assertThat(Words.of("我们小区门口的红绿灯坏了！请尽快修理。")).contains("小区", "门口", "红绿灯", "修理")
			.doesNotContain("我们", "的", "了", "！", "。");
	}

	@Test
	void foldsFullWidthAndCaseAndDropsNumbers() {
		assertThat(Words.of("ＡＰＰ诈骗 2020 年")).contains("app", "诈骗").doesNotContain("2020", "ＡＰＰ");
	}

	@Test
	void emptyForTextWithoutContent() {
		assertThat(Words.of(null)).isEmpty();
		assertThat(Words.of("")).isEmpty();
		assertThat(Words.of("！？。，…… 123")).isEmpty();
	}

	@Test
	void similarityRanksTheSameComplaintAboveAnUnrelatedOne() {
		String complaint = "小区门口车辆乱停放，堵住了消防通道";
		double same = Words.similarity(complaint, complaint);
		double reworded = Words.similarity(complaint, "消防通道被乱停放的车辆堵住了，在小区门口");
		double unrelated = Words.similarity(complaint, "身份证到期了怎么换领");
		assertThat(same).isCloseTo(1.0, Offset.offset(1e-9));
		assertThat(reworded).isBetween(0.5, 0.99);
		assertThat(unrelated).isLessThan(0.1);
		assertThat(Words.similarity(complaint, "消防通道被乱停放的车辆堵住了，在小区门口")).isEqualTo(
				Words.similarity("消防通道被乱停放的车辆堵住了，在小区门口", complaint));
	}

	@Test
	void similarityOfEmptyTextIsZero() {
		assertThat(Words.similarity("", "小区门口")).isZero();
		assertThat(Words.similarity(null, null)).isZero();
		assertThat(Words.similarity("。。。", "！！！")).isZero();
	}

}
