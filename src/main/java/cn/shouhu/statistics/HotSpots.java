package cn.shouhu.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * 热点: for one week, per station (派出所, or the brigade or office that led the matters), the categories and words
 * that rose against the four weeks before.
 */
public record HotSpots(LocalDate weekStart, LocalDate weekEnd, List<Station> stations) {

	/** Matters a week must reach before it can be a hot spot at all: two or three are coincidence. */
	public static final long MIN_COUNT = 3;

	/** At least twice the trailing weekly average … */
	public static final double MIN_RATIO = 2.0;

	/**
	 * … and two standard deviations above it, taking weekly counts as Poisson (variance = mean, plus one so that a
	 * category never seen before needs {@link #MIN_COUNT} matters, not one).
	 */
	public static final double MIN_SCORE = 2.0;

	/** Whether {@code count} this week rises against a trailing weekly average of {@code trailingAverage}. */
	public static boolean rises(long count, double trailingAverage) {
		return count >= MIN_COUNT && count >= MIN_RATIO * trailingAverage && score(count, trailingAverage) >= MIN_SCORE;
	}

	/** How far above its usual level a count is, in (Poisson) standard deviations. */
	public static double score(long count, double trailingAverage) {
		return (count - trailingAverage) / Math.sqrt(trailingAverage + 1);
	}

	public record Station(long unitId, String unitName, List<Rising> categories, List<Rising> words) {
	}

	/** A category (key = its code) or a word (key = the word) with this week's matters and the trailing average. */
	public record Rising(String key, String label, long count, double trailingAverage) {

		public double score() {
			return HotSpots.score(count, trailingAverage);
		}

	}

}
