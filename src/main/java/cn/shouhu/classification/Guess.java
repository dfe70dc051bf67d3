package cn.shouhu.classification;

/** A suggested category and the model's probability for it (0..1, the guesses of one text sum to at most 1). */
public record Guess(String label, double confidence) {
}
