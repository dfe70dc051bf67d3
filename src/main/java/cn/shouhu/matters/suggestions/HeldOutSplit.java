package cn.shouhu.matters.suggestions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A stratified split with a fixed seed: from each category, the same share of its messages is held out, so a
 * category with few messages is still measured, and the same messages give the same split every time.
 */
record HeldOutSplit<T>(List<T> training, List<T> heldOut) {

	/** One fifth held out: enough to measure each category of a 70-message corpus on 14 messages. */
	static final double HELD_OUT_SHARE = 0.2;

	static final long SEED = 20260401L;

	static <T> HeldOutSplit<T> of(List<T> messages, Function<T, String> label) {
		return of(messages, label, HELD_OUT_SHARE, SEED);
	}

	/**
	 * Holds out {@code share} of every category's messages (rounded, at least one of a category with two or
	 * more, never all of them), chosen by a shuffle with {@code seed}; the rest keep their order.
	 */
	static <T> HeldOutSplit<T> of(List<T> messages, Function<T, String> label, double share, long seed) {
		Map<String, List<T>> byLabel = new LinkedHashMap<>();
		for (T message : messages) {
			byLabel.computeIfAbsent(label.apply(message), key -> new ArrayList<>()).add(message);
		}
		List<T> training = new ArrayList<>();
		List<T> heldOut = new ArrayList<>();
		Random random = new Random(seed);
		for (List<T> group : byLabel.values()) {
			List<T> shuffled = new ArrayList<>(group);
			Collections.shuffle(shuffled, random);
			int held = group.size() < 2 ? 0 : Math.max(1, Math.min(group.size() - 1, (int) Math.round(group.size() * share)));
			heldOut.addAll(shuffled.subList(0, held));
			training.addAll(shuffled.subList(held, shuffled.size()));
		}
		return new HeldOutSplit<>(List.copyOf(training), List.copyOf(heldOut));
	}

}
