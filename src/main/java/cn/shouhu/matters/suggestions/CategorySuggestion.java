package cn.shouhu.matters.suggestions;

/**
 * A suggested category: its code and name, the model's confidence (0–1), and the lead unit proposed for it and the
 * matter's place (null when it cannot tell).
 */
public record CategorySuggestion(String code, String name, double confidence, Long leadUnitId, String leadUnitName) {

	/** The confidence as a whole percentage, as the pages show it. */
	public int percent() {
		return (int) Math.round(confidence * 100);
	}

}
