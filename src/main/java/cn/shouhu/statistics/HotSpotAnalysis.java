package cn.shouhu.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;

import cn.shouhu.statistics.HotSpots.Rising;
import cn.shouhu.statistics.internal.HotSpotQueries.WeeklyCount;

/**
 * Sums weekly counts per station and key and keeps what rises ({@link HotSpots#rises}): this week against the
 * average of the {@value #TRAILING_WEEKS} weeks before it.
 */
final class HotSpotAnalysis {

	static final int TRAILING_WEEKS = 4;

	private HotSpotAnalysis() {
	}

	/**
	 * @param counts weekly counts for the week and the trailing weeks, by lead unit
	 * @param stationOf the station a lead unit's counts belong to, empty when it is outside the caller's scope
	 * @param label the name to show for a key
	 * @param limit how many rising keys to keep per station, highest score first
	 * @return rising keys per station id
	 */
	static Map<Long, List<Rising>> rising(List<WeeklyCount> counts, LocalDate week,
			LongFunction<Optional<Long>> stationOf, Function<String, String> label, int limit) {
		LocalDate firstTrailing = week.minusWeeks(TRAILING_WEEKS);
		Map<Long, Map<String, long[]>> byStation = new HashMap<>();
		for (WeeklyCount count : counts) {
			if (count.weekStart().isBefore(firstTrailing) || count.weekStart().isAfter(week)) {
				continue;
			}
			Optional<Long> station = stationOf.apply(count.unitId());
			if (station.isEmpty()) {
				continue;
			}
			// [0] this week, [1] the trailing weeks together
			long[] sums = byStation.computeIfAbsent(station.get(), id -> new TreeMap<>())
				.computeIfAbsent(count.key(), key -> new long[2]);
			sums[count.weekStart().equals(week) ? 0 : 1] += count.matters();
		}
		Map<Long, List<Rising>> rising = new HashMap<>();
		byStation.forEach((station, keys) -> {
			List<Rising> found = new ArrayList<>();
			keys.forEach((key, sums) -> {
				double average = (double) sums[1] / TRAILING_WEEKS;
				if (HotSpots.rises(sums[0], average)) {
					found.add(new Rising(key, label.apply(key), sums[0], average));
				}
			});
			found.sort(Comparator.comparingDouble(Rising::score).reversed().thenComparing(Rising::key));
			if (!found.isEmpty()) {
				rising.put(station, List.copyOf(found.subList(0, Math.min(limit, found.size()))));
			}
		});
		return rising;
	}

	/** Keys whose count this week alone could rise: the only ones worth reading the trailing weeks for. */
	static List<String> candidates(List<WeeklyCount> thisWeek, LongFunction<Optional<Long>> stationOf) {
		Map<Long, Map<String, Long>> sums = new HashMap<>();
		for (WeeklyCount count : thisWeek) {
			stationOf.apply(count.unitId())
				.ifPresent(station -> sums.computeIfAbsent(station, id -> new HashMap<>())
					.merge(count.key(), count.matters(), Long::sum));
		}
		return sums.values()
			.stream()
			.flatMap(keys -> keys.entrySet().stream())
			.filter(entry -> entry.getValue() >= HotSpots.MIN_COUNT)
			.map(Map.Entry::getKey)
			.distinct()
			.sorted()
			.toList();
	}

}
