package cn.shouhu.matters.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The held-out split: a fifth of every category, the same every time, nothing lost or doubled. */
class HeldOutSplitTest {

	/** "A0".."A49", "B0".."B9", "C0": label = first letter. */
	private static List<String> messages() {
		List<String> messages = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			messages.add("A" + i);
		}
		for (int i = 0; i < 10; i++) {
			messages.add("B" + i);
		}
		messages.add("C0");
		return messages;
	}

	private static String label(String message) {
		return message.substring(0, 1);
	}

	@Test
	void everyCategoryIsHeldOutInProportionAndALoneMessageIsKeptForTraining() {
		HeldOutSplit<String> split = HeldOutSplit.of(messages(), HeldOutSplitTest::label);
		Map<String, Long> heldOut = split.heldOut()
			.stream()
			.collect(Collectors.groupingBy(HeldOutSplitTest::label, Collectors.counting()));
		assertThat(heldOut).containsEntry("A", 10L).containsEntry("B", 2L).doesNotContainKey("C");
		assertThat(split.training()).contains("C0").hasSize(61 - 12);
		List<String> all = new ArrayList<>(split.training());
		all.addAll(split.heldOut());
		assertThat(all).containsExactlyInAnyOrderElementsOf(messages());
	}

	@Test
	void theSameMessagesGiveTheSameSplitAndAnotherSeedAnother() {
		HeldOutSplit<String> first = HeldOutSplit.of(messages(), HeldOutSplitTest::label);
		HeldOutSplit<String> again = HeldOutSplit.of(messages(), HeldOutSplitTest::label);
		assertThat(again).isEqualTo(first);
		HeldOutSplit<String> other = HeldOutSplit.of(messages(), HeldOutSplitTest::label, 0.2, 7);
		assertThat(other.heldOut()).isNotEqualTo(first.heldOut());
	}

	@Test
	void aCategoryOfTwoHoldsOutOneAndKeepsOne() {
		HeldOutSplit<String> split = HeldOutSplit.of(List.of("X1", "X2"), message -> "X");
		assertThat(split.heldOut()).hasSize(1);
		assertThat(split.training()).hasSize(1);
	}

}
