package cn.shouhu.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import cn.shouhu.calendar.WorkingCalendar;

/**
 * The branch's calendar, read from the database into memory: every lookup is a hash-map hit on an immutable
 * snapshot, never a query. The snapshot is replaced (never changed) when the data may have changed:
 * <ul>
 * <li>right after an administrator's edit commits on this node, so the editor sees the effect at once;</li>
 * <li>every {@code shouhu.calendar.refresh-interval} (one minute by default), to pick up edits made on other
 * nodes. The whole calendar is a few hundred rows, so re-reading it costs about what a version query would,
 * and unlike a {@code MAX(updated_at)} check it cannot miss a change (a delete, a transaction that commits
 * after a later one, a clock that differs between nodes, a correction made directly in SQL).</li>
 * </ul>
 */
@Component
class DatabaseWorkingCalendar implements WorkingCalendar, InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWorkingCalendar.class);

	private final CalendarStore store;

	private final BusinessHours hours;

	private final CalendarProperties properties;

	private volatile SnapshotCalendar current;

	DatabaseWorkingCalendar(CalendarStore store, CalendarProperties properties) {
		this.store = store;
		this.properties = properties;
		this.hours = properties.hours();
	}

	/** Reads the calendar at start-up; without it no deadline can be counted, so a failure stops the start. */
	@Override
	public void afterPropertiesSet() {
		reload();
	}

	/**
	 * Reads the calendar now; a failure leaves the previous snapshot in place and is thrown. Synchronized so
	 * that a slow periodic read cannot overwrite the newer one made after an edit committed.
	 */
	synchronized void reload() {
		CalendarStore.Contents contents = store.contents();
		current = new SnapshotCalendar(contents.offDays(), contents.years(), hours, properties.zone());
	}

	/** Reads the calendar now; if the database is unreachable, keeps the snapshot it has and says so. */
	void refresh() {
		try {
			reload();
		}
		catch (DataAccessException e) {
			log.warn("Could not re-read the working-day calendar; keeping the one read before", e);
		}
	}

	SnapshotCalendar current() {
		return current;
	}

	@Override
	public boolean isWorkingDay(LocalDate date) {
		return current.isWorkingDay(date);
	}

	@Override
	public boolean isMaintained(int year) {
		return current.isMaintained(year);
	}

	@Override
	public Instant plusWorkingDays(Instant from, int days) {
		return current.plusWorkingDays(from, days);
	}

	@Override
	public Instant plusWorkingTime(Instant from, Duration workingTime) {
		return current.plusWorkingTime(from, workingTime);
	}

	@Override
	public Duration workingTimeBetween(Instant from, Instant to) {
		return current.workingTimeBetween(from, to);
	}

}
