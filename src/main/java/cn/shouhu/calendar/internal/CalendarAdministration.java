package cn.shouhu.calendar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/**
 * The system administrator's upkeep of the calendar: enter a year's holidays and 调休 working days from the
 * State Council's notice, correct or remove one, and add the next year. Each change is audited in its own
 * transaction, and this node's calendar is re-read once it commits.
 */
@Service
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
public class CalendarAdministration {

	static final int NAME_MAX = 50;

	static final int SOURCE_MAX = 200;

	private static final String MODULE = "calendar";

	/** The longest gap between two days of one holiday, 调休 included (国庆: a worked Sunday in September). */
	private static final int HOLIDAY_SPAN_DAYS = 31;

	private final CalendarStore store;

	private final DatabaseWorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	/** @param clock the application's clock if there is one (tests fix it), else the system's */
	CalendarAdministration(CalendarStore store, DatabaseWorkingCalendar calendar, AuditTrail audit,
			ObjectProvider<Clock> clock) {
		this.store = store;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * What an administrator enters for one day.
	 * @param offDay true for a holiday (放假), false for a worked weekend day (调休上班), null if not chosen
	 */
	public record DayEntry(LocalDate date, Boolean offDay, String name) {
	}

	/** A holiday as the notice describes it: its days off and the weekend days worked for it. */
	public record Holiday(String name, List<LocalDate> offDays, List<LocalDate> workedDays) {

		public LocalDate firstOffDay() {
			return offDays.isEmpty() ? null : offDays.get(0);
		}

		public LocalDate lastOffDay() {
			return offDays.isEmpty() ? null : offDays.get(offDays.size() - 1);
		}

		/** Where the holiday sorts: its first day off (国庆 after 中秋 even if a worked day comes first). */
		LocalDate firstDay() {
			return offDays.isEmpty() ? workedDays.get(0) : offDays.get(0);
		}

	}

	/** The maintained years, newest first. */
	@Transactional(readOnly = true)
	public List<CalendarYear> years() {
		return store.years(calendar.current().zone());
	}

	/** @throws NotFoundException if the year is not maintained */
	@Transactional(readOnly = true)
	public CalendarYear year(int year) {
		return store.year(year, calendar.current().zone())
			.orElseThrow(() -> new NotFoundException("calendar.year.notFound", String.valueOf(year)));
	}

	/** The year's holidays and worked weekend days in date order (none for a year that is not maintained). */
	@Transactional(readOnly = true)
	public List<CalendarDay> days(int year) {
		return store.days(year);
	}

	@Transactional(readOnly = true)
	public Optional<CalendarDay> day(LocalDate date) {
		return store.day(date);
	}

	/**
	 * The year's days grouped by holiday, in the order of their first day off. Days of one name more than a month
	 * apart are separate holidays: 元旦 in January, and 元旦 of the next year starting on 31 December.
	 */
	@Transactional(readOnly = true)
	public List<Holiday> holidays(int year) {
		List<List<CalendarDay>> groups = new ArrayList<>();
		for (CalendarDay day : store.days(year)) {
			groups.stream()
				.filter(group -> group.get(0).name().equals(day.name())
						&& !group.get(group.size() - 1).date().plusDays(HOLIDAY_SPAN_DAYS).isBefore(day.date()))
				.findFirst()
				.ifPresentOrElse(group -> group.add(day), () -> groups.add(new ArrayList<>(List.of(day))));
		}
		return groups.stream()
			.map(days -> new Holiday(days.get(0).name(),
					days.stream().filter(CalendarDay::offDay).map(CalendarDay::date).toList(),
					days.stream().filter(day -> !day.offDay()).map(CalendarDay::date).toList()))
			.sorted(Comparator.comparing(Holiday::firstDay))
			.toList();
	}

	/** The year the calendar pages open on: this year in the calendar's zone. */
	public int currentYear() {
		return LocalDate.now(clock.withZone(calendar.current().zone())).getYear();
	}

	/** The year that "add next year" would add: the one after the newest maintained year. */
	@Transactional(readOnly = true)
	public int nextYear() {
		return store.latestYear().map(year -> year + 1).orElseGet(this::currentYear);
	}

	public String businessHours() {
		return calendar.current().hours().toString();
	}

	public String zone() {
		return calendar.current().zone().getId();
	}

	/**
	 * Adds or changes the entry for one day of a maintained year.
	 * @throws InvalidInputException naming the field, if the entry breaks a rule
	 * @throws NotFoundException if the year is not maintained
	 */
	@Transactional
	public void saveDay(int year, DayEntry entry) {
		lockYear(year);
		CalendarDay day = validate(year, entry);
		Optional<CalendarDay> before = store.day(day.date());
		if (before.isPresent() && before.get().equals(day)) {
			return;
		}
		Instant now = clock.instant();
		if (before.isEmpty()) {
			store.insert(day, now);
			audit.record(AuditRecord.created(MODULE, "calendarDay", day.date(), day.auditView()));
		}
		else {
			store.update(day, now);
			audit.record(AuditRecord.updated(MODULE, "calendarDay.update", "calendarDay", day.date(),
					before.get().auditView(), day.auditView()));
		}
		store.touchYear(year, now);
		reloadAfterCommit();
	}

	/**
	 * Removes a day's entry: the day follows the Monday-to-Friday rule again.
	 * @throws NotFoundException if the year is not maintained or the day has no entry
	 */
	@Transactional
	public void removeDay(int year, LocalDate date) {
		lockYear(year);
		CalendarDay day = store.day(date)
			.filter(found -> found.date().getYear() == year)
			.orElseThrow(() -> new NotFoundException("calendar.day.notFound", date.toString()));
		store.delete(date);
		store.touchYear(year, clock.instant());
		audit.record(AuditRecord.deleted(MODULE, "calendarDay", date, day.auditView()));
		reloadAfterCommit();
	}

	/**
	 * Adds the year after the newest maintained one, so that its notice can be entered; until its days are in,
	 * it counts Monday to Friday.
	 * @param source the notice's address or title, optional
	 * @return the year added
	 * @throws ConflictException if another administrator added it at the same moment
	 */
	@Transactional
	public int addNextYear(String source) {
		String text = source == null || source.isBlank() ? null : source.strip();
		if (text != null && text.length() > SOURCE_MAX) {
			throw InvalidInputException.onField("source", "calendar.year.source.tooLong", SOURCE_MAX);
		}
		int year = nextYear();
		try {
			store.insertYear(year, text, clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("calendar.year.exists", String.valueOf(year));
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("year", year);
		after.put("source", text);
		audit.record(AuditRecord.created(MODULE, "calendarYear", year, after));
		reloadAfterCommit();
		return year;
	}

	private CalendarDay validate(int year, DayEntry entry) {
		LocalDate date = entry.date();
		if (date == null) {
			throw InvalidInputException.onField("date", "calendar.day.date.required");
		}
		if (date.getYear() != year) {
			throw InvalidInputException.onField("date", "calendar.day.date.outsideYear", String.valueOf(year));
		}
		if (entry.offDay() == null) {
			throw InvalidInputException.onField("offDay", "calendar.day.kind.required");
		}
		String name = entry.name() == null ? "" : entry.name().strip();
		if (name.isEmpty()) {
			throw InvalidInputException.onField("name", "calendar.day.name.required");
		}
		if (name.length() > NAME_MAX) {
			throw InvalidInputException.onField("name", "calendar.day.name.tooLong", NAME_MAX);
		}
		if (!entry.offDay() && !CalendarDay.isWeekend(date)) {
			throw InvalidInputException.onField("offDay", "calendar.day.workedOnWeekday", date.toString());
		}
		return new CalendarDay(date, entry.offDay(), name);
	}

	/** Two edits of one year run one after the other, never interleaved. */
	private void lockYear(int year) {
		if (!store.lockYear(year)) {
			throw new NotFoundException("calendar.year.notFound", String.valueOf(year));
		}
	}

	private void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					calendar.refresh();
				}
			});
		}
		else {
			calendar.refresh();
		}
	}

}
