package cn.shouhu.matters.suggestions;

import java.time.Instant;

/**
 * One stored model, as the models page lists it (without its bytes).
 *
 * @param accuracy share of the held-out messages whose category the model guessed first
 * @param macroF1 F1 averaged over the categories, so a rare category counts as much as a common one
 * @param comparedAccuracy the then active model's accuracy on the same held-out messages, or null
 */
record ModelVersion(long id, Instant createdAt, ModelSource source, int trainingCount, int branchCount,
		double accuracy, double macroF1, int heldOutCount, Double comparedAccuracy, boolean active,
		String createdByName) {
}
