package cn.shouhu.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V3__calendar.sql on H2 in PostgreSQL mode, as the application runs it (Flyway, every migration before it),
 * read back through the calendar's own store.
 */
class CalendarMigrationTest {

	private static JdbcClient jdbc;

	@BeforeAll
	static void migrate() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:calendar-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void the2026RowsAreTheNotice() {
		CalendarStore store = new CalendarStore(jdbc);

		assertThat(store.days(2026)).containsExactlyElementsOf(Holidays2026.days());
		assertThat(store.days(2026)).hasSize(39);
		assertThat(store.days(2026)).filteredOn(CalendarDay::offDay).hasSize(33);
	}

	@Test
	void holdsSevenYearsOfExceptionsOnly() {
		CalendarStore store = new CalendarStore(jdbc);

		assertThat(store.years(Holidays2026.SHANGHAI)).extracting(CalendarYear::year)
			.containsExactly(2026, 2025, 2024, 2023, 2022, 2021, 2020);
		assertThat(store.year(2026, Holidays2026.SHANGHAI)).get()
			.extracting(CalendarYear::offDays, CalendarYear::workedDays)
			.containsExactly(33, 6);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_day").query(Integer.class).single()).isEqualTo(254);
		// A worked day is always a weekend day; holiday-cn's worked Monday 2020-02-03 is left out.
		List<LocalDate> workedWeekdays = jdbc.sql("SELECT cal_date FROM calendar_day WHERE off_day = FALSE")
			.query(LocalDate.class)
			.list()
			.stream()
			.filter(date -> !CalendarDay.isWeekend(date))
			.toList();
		assertThat(workedWeekdays).isEmpty();
		// 元旦 2023 began on Saturday 2022-12-31.
		assertThat(store.day(LocalDate.of(2022, 12, 31))).contains(new CalendarDay(LocalDate.of(2022, 12, 31), true, "元旦"));
	}

	@Test
	void theCalendarReadFromTheDatabaseCountsLikeTheNotice() {
		DatabaseWorkingCalendar calendar = new DatabaseWorkingCalendar(new CalendarStore(jdbc),
				new CalendarProperties(Holidays2026.SHANGHAI, "08:30-12:00,14:30-18:00", Duration.ofMinutes(1)));
		calendar.afterPropertiesSet();
		SnapshotCalendar expected = Holidays2026.calendar();

		for (LocalDate date = LocalDate.of(2026, 1, 1); date.getYear() == 2026; date = date.plusDays(1)) {
			assertThat(calendar.isWorkingDay(date)).as(date.toString()).isEqualTo(expected.isWorkingDay(date));
		}
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2020, 1, 28))).isFalse();
		assertThat(calendar.isMaintained(2020)).isTrue();
		assertThat(calendar.isMaintained(2027)).isFalse();
		assertThat(calendar.isMaintained(2019)).isFalse();
	}

}
