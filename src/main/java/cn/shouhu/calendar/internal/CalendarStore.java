package cn.shouhu.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar's two tables, {@code calendar_year} and {@code calendar_day}. */
@Repository
class CalendarStore {

	private final JdbcClient jdbc;

	CalendarStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The maintained years and their exception days, read in one statement so that they agree. */
	record Contents(Set<Integer> years, Map<LocalDate, Boolean> offDays) {
	}

	Contents contents() {
		Set<Integer> years = new HashSet<>();
		Map<LocalDate, Boolean> offDays = new HashMap<>();
		jdbc.sql("""
				SELECT y.cal_year, d.cal_date, d.off_day
				FROM calendar_year y
				LEFT JOIN calendar_day d ON EXTRACT(YEAR FROM d.cal_date) = y.cal_year
				""")
			.query(rs -> {
				years.add(rs.getInt(1));
				LocalDate date = rs.getObject(2, LocalDate.class);
				if (date != null) {
					offDays.put(date, rs.getBoolean(3));
				}
			});
		return new Contents(years, offDays);
	}

	List<CalendarYear> years(ZoneId zone) {
		return jdbc.sql("""
				SELECT y.cal_year, y.source, y.updated_at,
				       SUM(CASE WHEN d.off_day THEN 1 ELSE 0 END) AS off_days,
				       SUM(CASE WHEN d.off_day = FALSE THEN 1 ELSE 0 END) AS worked_days
				FROM calendar_year y
				LEFT JOIN calendar_day d ON EXTRACT(YEAR FROM d.cal_date) = y.cal_year
				GROUP BY y.cal_year, y.source, y.updated_at
				ORDER BY y.cal_year DESC
				""")
			.query((rs, row) -> new CalendarYear(rs.getInt("cal_year"), rs.getString("source"), rs.getInt("off_days"),
					rs.getInt("worked_days"), rs.getObject("updated_at", OffsetDateTime.class)
						.atZoneSameInstant(zone)
						.toLocalDateTime()))
			.list();
	}

	Optional<CalendarYear> year(int year, ZoneId zone) {
		return years(zone).stream().filter(y -> y.year() == year).findFirst();
	}

	Optional<Integer> latestYear() {
		return jdbc.sql("SELECT MAX(cal_year) FROM calendar_year").query(Integer.class).optional();
	}

	void insertYear(int year, String source, Instant now) {
		jdbc.sql("INSERT INTO calendar_year (cal_year, source, updated_at) VALUES (:year, :source, :now)")
			.param("year", year)
			.param("source", source)
			.param("now", utc(now))
			.update();
	}

	/**
	 * Locks the year's row until the transaction ends: edits of one year's days queue up behind each other.
	 * @return false if the year is not maintained
	 */
	boolean lockYear(int year) {
		return jdbc.sql("SELECT cal_year FROM calendar_year WHERE cal_year = :year FOR UPDATE")
			.param("year", year)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** Marks the year as changed, for the overview's "last changed". */
	void touchYear(int year, Instant now) {
		jdbc.sql("UPDATE calendar_year SET updated_at = :now WHERE cal_year = :year")
			.param("year", year)
			.param("now", utc(now))
			.update();
	}

	List<CalendarDay> days(int year) {
		return jdbc.sql("""
				SELECT cal_date, off_day, name FROM calendar_day
				WHERE cal_date >= :first AND cal_date <= :last
				ORDER BY cal_date
				""")
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, row) -> new CalendarDay(rs.getObject("cal_date", LocalDate.class), rs.getBoolean("off_day"),
					rs.getString("name")))
			.list();
	}

	Optional<CalendarDay> day(LocalDate date) {
		return jdbc.sql("SELECT cal_date, off_day, name FROM calendar_day WHERE cal_date = :date")
			.param("date", date)
			.query((rs, row) -> new CalendarDay(rs.getObject("cal_date", LocalDate.class), rs.getBoolean("off_day"),
					rs.getString("name")))
			.optional();
	}

	void insert(CalendarDay day, Instant now) {
		jdbc.sql("INSERT INTO calendar_day (cal_date, off_day, name, updated_at) VALUES (:date, :offDay, :name, :now)")
			.param("date", day.date())
			.param("offDay", day.offDay())
			.param("name", day.name())
			.param("now", utc(now))
			.update();
	}

	void update(CalendarDay day, Instant now) {
		jdbc.sql("UPDATE calendar_day SET off_day = :offDay, name = :name, updated_at = :now WHERE cal_date = :date")
			.param("date", day.date())
			.param("offDay", day.offDay())
			.param("name", day.name())
			.param("now", utc(now))
			.update();
	}

	void delete(LocalDate date) {
		jdbc.sql("DELETE FROM calendar_day WHERE cal_date = :date").param("date", date).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
