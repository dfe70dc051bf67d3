package cn.shouhu.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.shouhu.TestStaff;
import cn.shouhu.audit.AuditRecord;
import cn.shouhu.calendar.internal.CalendarAdministration.DayEntry;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/**
 * The administrator's edits against the migrated database, committed for real: they change what every
 * deadline computation sees, and each one is audited in its own transaction. Only dates from November 2026
 * (no holidays) and years after 2026 are touched, and they are removed after each test.
 */
class CalendarAdministrationTest extends CalendarSpringTest {

	private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 31);

	private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);

	@Test
	void anAddedHolidayCountsAtOnceAndIsAudited() {
		assertThat(calendar.isWorkingDay(THURSDAY)).isTrue();

		administration.saveDay(2026, new DayEntry(THURSDAY, true, " 元旦 "));

		assertThat(calendar.isWorkingDay(THURSDAY)).isFalse();
		assertThat(administration.day(THURSDAY)).contains(new CalendarDay(THURSDAY, true, "元旦"));
		AuditRecord record = recorded();
		assertThat(record.module()).isEqualTo("calendar");
		assertThat(record.action()).isEqualTo("calendarDay.create");
		assertThat(record.targetId()).isEqualTo("2026-12-31");
		assertThat(record.before()).isNull();
		assertThat(record.after()).isEqualTo(Map.of("date", "2026-12-31", "offDay", true, "name", "元旦"));
	}

	@Test
	void aChangeRecordsBeforeAndAfter() {
		administration.saveDay(2026, new DayEntry(SATURDAY, false, "测试"));
		assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();

		administration.saveDay(2026, new DayEntry(SATURDAY, true, "测试"));

		assertThat(calendar.isWorkingDay(SATURDAY)).isFalse();
		ArgumentCaptor<AuditRecord> records = ArgumentCaptor.forClass(AuditRecord.class);
		verify(audit, times(2)).record(records.capture());
		AuditRecord change = records.getAllValues().get(1);
		assertThat(change.action()).isEqualTo("calendarDay.update");
		assertThat(change.before().get("offDay")).isEqualTo(false);
		assertThat(change.after().get("offDay")).isEqualTo(true);
	}

	@Test
	void savingAnEntryUnchangedRecordsNothing() {
		administration.saveDay(2026, new DayEntry(SATURDAY, false, "测试"));

		administration.saveDay(2026, new DayEntry(SATURDAY, false, "测试 "));

		verify(audit, times(1)).record(any());
	}

	@Test
	void aRemovedDayFollowsTheRuleAgain() {
		administration.saveDay(2026, new DayEntry(SATURDAY, false, "测试"));

		administration.removeDay(2026, SATURDAY);

		assertThat(calendar.isWorkingDay(SATURDAY)).isFalse();
		assertThat(administration.day(SATURDAY)).isEmpty();
		ArgumentCaptor<AuditRecord> records = ArgumentCaptor.forClass(AuditRecord.class);
		verify(audit, times(2)).record(records.capture());
		assertThat(records.getAllValues().get(1).action()).isEqualTo("calendarDay.delete");
		assertThat(records.getAllValues().get(1).after()).isNull();
	}

	@Test
	void theOverviewGroupsDaysByHoliday() {
		assertThat(administration.holidays(2026)).extracting(CalendarAdministration.Holiday::name)
			.containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
		CalendarAdministration.Holiday nationalDay = administration.holidays(2026).get(6);
		assertThat(nationalDay.firstOffDay()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(nationalDay.lastOffDay()).isEqualTo(LocalDate.of(2026, 10, 7));
		assertThat(nationalDay.workedDays()).containsExactly(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
		// 元旦 2022 in January, and 元旦 2023 beginning on 2022-12-31: two holidays of one name.
		assertThat(administration.holidays(2022)).extracting(CalendarAdministration.Holiday::name)
			.containsSubsequence("元旦", "元旦");
		assertThat(administration.holidays(2031)).isEmpty();
	}

	@Test
	void removingADayWithoutEntryIsNotFound() {
		assertThatThrownBy(() -> administration.removeDay(2026, SATURDAY)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void badEntriesNameTheirFieldAndChangeNothing() {
		assertInvalid(new DayEntry(null, true, "元旦"), "date", "calendar.day.date.required");
		assertInvalid(new DayEntry(LocalDate.of(2027, 1, 1), true, "元旦"), "date", "calendar.day.date.outsideYear");
		assertInvalid(new DayEntry(THURSDAY, null, "元旦"), "offDay", "calendar.day.kind.required");
		assertInvalid(new DayEntry(THURSDAY, true, "  "), "name", "calendar.day.name.required");
		assertInvalid(new DayEntry(THURSDAY, true, "节".repeat(51)), "name", "calendar.day.name.tooLong");
		// Thursday is worked anyway: a 调休 entry on it would mean nothing.
		assertInvalid(new DayEntry(THURSDAY, false, "元旦"), "offDay", "calendar.day.workedOnWeekday");

		assertThat(administration.days(2026)).hasSize(39);
		verify(audit, never()).record(any());
	}

	@Test
	void aYearThatIsNotMaintainedCannotBeEdited() {
		assertThatThrownBy(() -> administration.saveDay(2031, new DayEntry(LocalDate.of(2031, 1, 1), true, "元旦")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> administration.year(2031)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void theNextYearCanBeAddedThenFilledIn() {
		assertThat(administration.nextYear()).isEqualTo(2027);
		assertThat(calendar.isMaintained(2027)).isFalse();

		int added = administration.addNextYear(" 国务院办公厅关于2027年部分节假日安排的通知 ");

		assertThat(added).isEqualTo(2027);
		assertThat(calendar.isMaintained(2027)).isTrue();
		assertThat(administration.year(2027).source()).isEqualTo("国务院办公厅关于2027年部分节假日安排的通知");
		assertThat(administration.year(2027).empty()).isTrue();
		assertThat(administration.nextYear()).isEqualTo(2028);
		assertThat(recorded().action()).isEqualTo("calendarYear.create");

		administration.saveDay(2027, new DayEntry(LocalDate.of(2027, 1, 1), true, "元旦"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
	}

	@Test
	void aFailedAuditRecordUndoesTheChange() {
		doThrow(new IllegalStateException("audit down")).when(audit).record(any());

		assertThatThrownBy(() -> administration.saveDay(2026, new DayEntry(THURSDAY, true, "元旦")))
			.isInstanceOf(IllegalStateException.class);

		assertThat(administration.day(THURSDAY)).isEmpty();
		assertThat(calendar.isWorkingDay(THURSDAY)).isTrue();
	}

	@Test
	void onlyTheSystemAdministratorMayEdit() {
		SecurityContextHolder.getContext().setAuthentication(TestStaff.as(Role.COORDINATOR, 1L));

		assertThatThrownBy(() -> administration.saveDay(2026, new DayEntry(THURSDAY, true, "元旦")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> administration.addNextYear(null)).isInstanceOf(AccessDeniedException.class);
		assertThat(calendar.isWorkingDay(THURSDAY)).isTrue();
	}

	private void assertInvalid(DayEntry entry, String field, String messageKey) {
		assertThatThrownBy(() -> administration.saveDay(2026, entry)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> {
					assertThat(e.field()).isEqualTo(field);
					assertThat(e.messageKey()).isEqualTo(messageKey);
				});
	}

	private AuditRecord recorded() {
		ArgumentCaptor<AuditRecord> record = ArgumentCaptor.forClass(AuditRecord.class);
		verify(audit).record(record.capture());
		return record.getValue();
	}

}
