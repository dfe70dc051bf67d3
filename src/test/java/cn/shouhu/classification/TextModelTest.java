package cn.shouhu.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TextModelTest {

	private static final TextModel MODEL = TextModel.train(Samples.TRAINING);

	@Test
	void suggestsTheRightCategoryForUnseenMessages() {
		assertThat(MODEL.top("有人打电话冒充客服", "对方让我转账到安全账户，说可以退款，我转了八千元。", 1).get(0).label())
			.isEqualTo("FRAUD");
		assertThat(MODEL.top("孩子上户口", "新生儿户口登记要带出生证明吗？", 1).get(0).label()).isEqualTo("HOUSEHOLD");
		assertThat(MODEL.top("路口车辆乱停", "晚上很多车辆停在路口，交通很堵。", 1).get(0).label()).isEqualTo("TRAFFIC");
	}

	@Test
	void topGuessesAreOrderedProbabilities() {
		List<Guess> guesses = MODEL.top("网上兼职刷单", "垫付了钱以后对方不返还，客服联系不上。", 3);
		assertThat(guesses).hasSize(3);
		assertThat(guesses).extracting(Guess::label).doesNotHaveDuplicates();
		assertThat(guesses.get(0).confidence()).isGreaterThanOrEqualTo(guesses.get(1).confidence());
		assertThat(guesses.get(1).confidence()).isGreaterThanOrEqualTo(guesses.get(2).confidence());
		assertThat(guesses.stream().mapToDouble(Guess::confidence).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(MODEL.top("网上兼职刷单", "垫付了钱以后对方不返还，客服联系不上。", 2)).hasSize(2);
		assertThat(MODEL.top("网上兼职刷单", "垫付了钱以后对方不返还，客服联系不上。", 10)).hasSize(3);
		assertThat(MODEL.top("网上兼职刷单", "垫付了钱以后对方不返还，客服联系不上。", 0)).isEmpty();
	}

	@Test
	void textWithNothingToGoOnGetsNoGuess() {
		assertThat(MODEL.top("", "", 3)).isEmpty();
		assertThat(MODEL.top(null, null, 3)).isEmpty();
		assertThat(MODEL.top("！！！", "。。。，，，？？？……", 3)).isEmpty();
		assertThat(MODEL.top("", "a".repeat(4000), 3)).isEmpty();
		assertThat(MODEL.top("", "的".repeat(4000), 3)).isEmpty();
		assertThat(MODEL.top("车".repeat(4000), "车".repeat(4000), 3)).isEmpty();
	}

	@Test
	void trainingIsDeterministicAndIndependentOfExampleOrder() {
		byte[] first = TextModel.train(Samples.TRAINING).toBytes();
		assertThat(TextModel.train(Samples.TRAINING).toBytes()).isEqualTo(first);
		List<LabelledText> shuffled = new ArrayList<>(Samples.TRAINING);
		Collections.shuffle(shuffled, new Random(42));
		assertThat(shuffled).isNotEqualTo(Samples.TRAINING);
		assertThat(TextModel.train(shuffled).toBytes()).isEqualTo(first);
	}

	@Test
	void differentTrainingDataGivesADifferentModel() {
		List<LabelledText> fewer = Samples.TRAINING.subList(1, Samples.TRAINING.size());
		assertThat(TextModel.train(fewer).toBytes()).isNotEqualTo(MODEL.toBytes());
	}

	@Test
	void survivesARoundTripThroughBytes() {
		TextModel copy = TextModel.fromBytes(MODEL.toBytes());
		assertThat(copy.toBytes()).isEqualTo(MODEL.toBytes());
		assertThat(copy.labels()).containsExactly("FRAUD", "HOUSEHOLD", "TRAFFIC");
		for (LabelledText t : Samples.TRAINING) {
			assertThat(copy.top(t.subject(), t.detail(), 3)).isEqualTo(MODEL.top(t.subject(), t.detail(), 3));
		}
	}

	@Test
	void rejectsCorruptBytesWithAClearMessage() {
		byte[] bytes = MODEL.toBytes();
		assertThatThrownBy(() -> TextModel.fromBytes(null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("too short");
		assertThatThrownBy(() -> TextModel.fromBytes("hello, this is not a model".getBytes()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a text model");
		byte[] flipped = bytes.clone();
		flipped[bytes.length / 2] ^= 0x10;
		assertThatThrownBy(() -> TextModel.fromBytes(flipped)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("corrupt text model");
		byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 10);
		assertThatThrownBy(() -> TextModel.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("corrupt text model");
		byte[] newerVersion = bytes.clone();
		newerVersion[7] = 99;
		assertThatThrownBy(() -> TextModel.fromBytes(newerVersion)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("version 99");
	}

	@Test
	void refusesTrainingDataItCannotLearnFrom() {
		assertThatThrownBy(() -> TextModel.train(Samples.TRAINING.subList(0, 8)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least two categories");
		List<LabelledText> unlabelled = new ArrayList<>(Samples.TRAINING);
		unlabelled.add(LabelledText.unlabelled("无类别", "没有类别的留言"));
		assertThatThrownBy(() -> TextModel.train(unlabelled)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("needs a label");
	}

	@Test
	void evaluationRefusesUnlabelledTestMessages() {
		assertThatThrownBy(() -> Evaluation.of(MODEL, List.of(LabelledText.unlabelled("冒充客服", "转账"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("needs a label");
	}

	@Test
	void unlabelledMessagesAreUsedButTheirLabelsIgnored() {
		List<LabelledText> unlabelled = List.of(
				new LabelledText("冒充客服退款诈骗", "对方冒充客服，让我转账到安全账户。", "HOUSEHOLD"),
				LabelledText.unlabelled("车辆乱停放", "路口车辆乱停放，交通拥堵。"));
		TextModel model = TextModel.train(Samples.TRAINING, unlabelled);
		assertThat(model.labels()).containsExactly("FRAUD", "HOUSEHOLD", "TRAFFIC");
		assertThat(model.top("冒充客服", "让我转账到安全账户", 1).get(0).label()).isEqualTo("FRAUD");
		assertThat(TextModel.train(Samples.TRAINING, unlabelled).toBytes()).isEqualTo(model.toBytes());
	}

	@Test
	void priorTopicNamesTeachWordsTheMessagesLackButAddNoCategory() {
		String subject = "高空抛物伤人";
		String detail = "楼上住户往下扔垃圾砸到行人";
		List<LabelledText> prior = List.of(new LabelledText("高空抛物", "楼上扔垃圾砸到行人", "TRAFFIC"),
				new LabelledText("高空抛物", "住户往下扔东西伤人", "TRAFFIC"),
				new LabelledText("天气", "下雨", "WEATHER"));
		TextModel plain = TextModel.train(Samples.TRAINING);
		TextModel informed = TextModel.train(Samples.TRAINING, List.of(), prior);
		assertThat(informed.labels()).containsExactly("FRAUD", "HOUSEHOLD", "TRAFFIC");
		assertThat(confidence(informed, subject, detail, "TRAFFIC"))
			.isGreaterThan(confidence(plain, subject, detail, "TRAFFIC") + 0.1);
		assertThat(informed.top(subject, detail, 1).get(0).label()).isEqualTo("TRAFFIC");
		List<LabelledText> reversed = new ArrayList<>(prior);
		Collections.reverse(reversed);
		assertThat(TextModel.train(Samples.TRAINING, List.of(), reversed).toBytes()).isEqualTo(informed.toBytes());
	}

	private static double confidence(TextModel model, String subject, String detail, String label) {
		return model.top(subject, detail, 3)
			.stream()
			.filter(g -> g.label().equals(label))
			.mapToDouble(Guess::confidence)
			.findFirst()
			.orElse(0);
	}

}
