package cn.shouhu.statistics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.Role;
import cn.shouhu.statistics.Figures.Counters;
import cn.shouhu.statistics.HotSpots.Rising;
import cn.shouhu.statistics.internal.DailyRollups;
import cn.shouhu.statistics.internal.FigureQueries;
import cn.shouhu.statistics.internal.FigureQueries.Dimension;
import cn.shouhu.statistics.internal.HotSpotQueries;

/**
 * The closed loop's figures for a staff member: branch leaders, coordinators and intake clerks see the whole
 * branch, everyone else their own unit's subtree.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

	/** The roles whose work spans the branch. */
	public static final Set<Role> BRANCH_WIDE = EnumSet.of(Role.BRANCH_LEADER, Role.COORDINATOR, Role.INTAKE_CLERK);

	private final FigureQueries queries;

	private final HotSpotQueries hotSpotQueries;

	private final OrganizationDirectory organization;

	private final MatterCategories categories;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	Statistics(FigureQueries queries, HotSpotQueries hotSpotQueries, OrganizationDirectory organization,
			MatterCategories categories, MessageSource messages, Clock clock,
			@Value("${shouhu.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.queries = queries;
		this.hotSpotQueries = hotSpotQueries;
		this.organization = organization;
		this.categories = categories;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** Today on the branch's calendar, for default date ranges. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	public DataScope scopeOf(CurrentStaff staff) {
		return staff.hasAny(BRANCH_WIDE) ? DataScope.all() : organization.subtreeOf(staff.unitId());
	}

	/** The active units the staff member may filter by, in tree order. */
	public List<UnitRef> units(CurrentStaff staff) {
		DataScope scope = scopeOf(staff);
		return organization.activeUnits().stream().filter(unit -> scope.covers(unit.path())).toList();
	}

	public List<MatterCategory> categories() {
		return categories.all();
	}

	public StatisticsReport report(CurrentStaff staff, StatisticsFilter filter) {
		DataScope scope = scopeOf(staff);
		DataScope unitFilter = DataScope.all();
		if (filter.unitId() != null) {
			UnitRef unit = organization.findUnit(filter.unitId())
				.filter(found -> scope.covers(found.path()))
				.orElseThrow(() -> InvalidInputException.onField("unit", "statistics.unit.unknown"));
			unitFilter = DataScope.subtree(unit.path());
		}
		if (filter.categoryCode() != null && categories.find(filter.categoryCode()).isEmpty()) {
			throw InvalidInputException.onField("category", "statistics.category.unknown");
		}
		Instant now = clock.instant();

		Map<String, Counters> days = queries.counters(Dimension.DAY, filter, scope, unitFilter);
		List<Figures> byDay = new ArrayList<>();
		Counters total = Counters.ZERO;
		for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
			Counters counters = days.getOrDefault(day.toString(), Counters.ZERO);
			total = total.plus(counters);
			byDay.add(Figures.of(day.toString(), day.toString(), counters, null));
		}
		Map<Dimension, Map<String, Counters>> counters = queries.countersByGroup(filter, scope, unitFilter);
		Map<Dimension, Map<String, Long>> overdue = queries.overdueNowByGroup(now, filter, scope, unitFilter);
		long overdueTotal = overdue.get(Dimension.UNIT).values().stream().mapToLong(Long::longValue).sum();

		return new StatisticsReport(filter, now, Figures.of("all", message("statistics.total"), total, overdueTotal),
				byDay, grouped(Dimension.UNIT, counters, overdue, this::unitName),
				grouped(Dimension.CATEGORY, counters, overdue, this::categoryName),
				grouped(Dimension.KIND, counters, overdue, key -> message("matters.kind." + key)),
				grouped(Dimension.CHANNEL, counters, overdue, key -> message("matters.channel." + key)));
	}

	/**
	 * 热点: the categories and words that rose in the week (Monday to Sunday) holding {@code day}, per station in
	 * the staff member's scope. A lead unit's matters count for the 派出所 it belongs to; those of a brigade or
	 * office outside any station count for that unit itself.
	 */
	public HotSpots hotSpots(CurrentStaff staff, LocalDate day) {
		DataScope scope = scopeOf(staff);
		LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstTrailing = week.minusWeeks(HotSpotAnalysis.TRAILING_WEEKS);
		// Lead unit id → its station in scope (or none); each unit is looked up once.
		Map<Long, Optional<UnitRef>> stations = new HashMap<>();
		LongFunction<Optional<Long>> stationOf = unitId -> stations
			.computeIfAbsent(unitId, id -> stationOf(id).filter(station -> scope.covers(station.path())))
			.map(UnitRef::id);

		Map<Long, List<Rising>> categoriesRising = HotSpotAnalysis.rising(
				hotSpotQueries.categories(firstTrailing, week), week, stationOf, this::categoryName, 5);
		List<String> candidates = HotSpotAnalysis.candidates(hotSpotQueries.words(week), stationOf);
		Map<Long, List<Rising>> wordsRising = HotSpotAnalysis.rising(
				hotSpotQueries.words(candidates, firstTrailing, week), week, stationOf, word -> word, 10);

		List<HotSpots.Station> found = stations.values()
			.stream()
			.flatMap(Optional::stream)
			.distinct()
			.filter(unit -> categoriesRising.containsKey(unit.id()) || wordsRising.containsKey(unit.id()))
			.sorted(Comparator.comparing(UnitRef::path))
			.map(unit -> new HotSpots.Station(unit.id(), unit.name(),
					categoriesRising.getOrDefault(unit.id(), List.of()), wordsRising.getOrDefault(unit.id(), List.of())))
			.toList();
		return new HotSpots(week, week.plusDays(6), found);
	}

	/** The 派出所 a unit lies in (itself included); a unit under no station stands for itself. */
	private Optional<UnitRef> stationOf(long unitId) {
		Optional<UnitRef> unit = organization.findUnit(unitId);
		for (Optional<UnitRef> at = unit; at.isPresent(); at = at.get().parentId() == null ? Optional.empty()
				: organization.findUnit(at.get().parentId())) {
			if (at.get().type() == UnitType.STATION) {
				return at;
			}
		}
		return unit;
	}

	private List<Figures> grouped(Dimension by, Map<Dimension, Map<String, Counters>> countersByGroup,
			Map<Dimension, Map<String, Long>> overdueByGroup, Function<String, String> label) {
		Map<String, Counters> counters = countersByGroup.get(by);
		Map<String, Long> overdue = overdueByGroup.get(by);
		Set<String> keys = new java.util.LinkedHashSet<>(counters.keySet());
		keys.addAll(overdue.keySet());
		return keys.stream()
			.map(key -> Figures.of(key, label.apply(key), counters.getOrDefault(key, Counters.ZERO),
					overdue.getOrDefault(key, 0L)))
			.sorted(Comparator.comparingLong(Figures::received)
				.thenComparingLong(Figures::closed)
				.reversed()
				.thenComparing(Figures::key))
			.toList();
	}

	private String unitName(String key) {
		long id = Long.parseLong(key);
		if (id == DailyRollups.NO_UNIT) {
			return message("statistics.unit.none");
		}
		return organization.findUnit(id).map(UnitRef::name).orElse(key);
	}

	private String categoryName(String code) {
		if (DailyRollups.NO_CATEGORY.equals(code)) {
			return message("statistics.category.none");
		}
		return categories.find(code).map(MatterCategory::name).orElse(code);
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
