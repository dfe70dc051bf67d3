package cn.shouhu.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;
import cn.shouhu.calendar.internal.CalendarAdministration.DayEntry;

/** The migration and the calendar's SQL (EXTRACT, FOR UPDATE, time zones) on PostgreSQL, as in production. */
@PostgresTest
class CalendarOnPostgresTest extends CalendarSpringTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@Test
	void theMigrationHoldsThe2026Notice() {
		assertThat(administration.days(2026)).containsExactlyElementsOf(Holidays2026.days());
		assertThat(administration.years()).extracting(CalendarYear::year)
			.containsExactly(2026, 2025, 2024, 2023, 2022, 2021, 2020);
		assertThat(administration.year(2026).offDays()).isEqualTo(33);
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
	}

	@Test
	void editsCommitAndCount() {
		LocalDate thursday = LocalDate.of(2026, 12, 31);

		administration.saveDay(2026, new DayEntry(thursday, true, "元旦"));
		assertThat(calendar.isWorkingDay(thursday)).isFalse();

		administration.removeDay(2026, thursday);
		assertThat(calendar.isWorkingDay(thursday)).isTrue();

		assertThat(administration.addNextYear("test")).isEqualTo(2027);
		assertThat(calendar.isMaintained(2027)).isTrue();
		assertThat(administration.year(2027).empty()).isTrue();
	}

}
