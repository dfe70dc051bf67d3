package cn.shouhu.statistics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterDispatched;
import cn.shouhu.matters.MatterEvent;
import cn.shouhu.matters.MatterFollowedUp;
import cn.shouhu.matters.MatterReceived;
import cn.shouhu.matters.MatterReopened;
import cn.shouhu.matters.MatterReplied;
import cn.shouhu.matters.MatterSigned;

/**
 * Counts one matter event into the daily roll-up of its day (Asia/Shanghai), unit, category, kind and channel.
 * Each event counts under the unit it names (the lead unit then); a receipt counts under "no unit" until the first
 * dispatch moves it, on its own day, to the first lead unit. Working times are business time on the calendar:
 * to sign from the dispatch, to reply and to close from the receipt.
 * <p>
 * Idempotent: the event's (matter, type, instant) goes into {@code statistics_applied} first, and an event found
 * there already changes nothing. That insert and the counter update share one transaction (the caller's, or a new
 * one), so an event is either counted and marked, or neither. Counters only ever grow by {@code x = x + n} on a
 * row created insert-if-missing (retried if it is not found), so listeners on other matters of the same row never lose each other's counts.
 */
@Component
public class DailyRollups {

	/** A matter not yet dispatched has no lead unit: it is counted under this unit id. */
	public static final long NO_UNIT = 0L;

	/** A matter without a category is counted under this code. */
	public static final String NO_CATEGORY = "-";

	private static final int ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final ZoneId zone;

	private final WordRollups words;

	DailyRollups(JdbcClient jdbc, WorkingCalendar calendar, @Value("${shouhu.calendar.zone:Asia/Shanghai}") ZoneId zone,
			WordRollups words) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.zone = zone;
		this.words = words;
	}

	/**
	 * Counts the event unless it was counted before.
	 * @return whether this call counted it (false for a redelivery and for events the figures do not use)
	 */
	@Transactional
	public boolean apply(MatterEvent event) {
		Optional<Facts> facts = facts(event.matterId());
		Increment increment = increment(event, facts);
		if (increment == null) {
			return false;
		}
		int marked = jdbc.sql("""
				INSERT INTO statistics_applied (matter_id, event_type, occurred_at, applied_at)
				VALUES (:matterId, :type, :occurredAt, :now) ON CONFLICT DO NOTHING""")
			.param("matterId", event.matterId())
			.param("type", event.getClass().getSimpleName())
			.param("occurredAt", timestamp(event.occurredAt()))
			.param("now", timestamp(Instant.now()))
			.update();
		if (marked == 0) {
			return false;
		}
		if (event instanceof MatterReceived) {
			increment = receivedWhereAttributed(event.matterId(), increment);
		}
		add(increment);
		if (event instanceof MatterDispatched dispatched) {
			attributeReceived(dispatched, facts);
			Instant receivedAt = facts.map(Facts::receivedAt).orElse(null);
			if (receivedAt != null) {
				words.count(dispatched.matterId(), dispatched.leadUnitId(), receivedAt.atZone(zone).toLocalDate());
			}
		}
		return true;
	}

	/**
	 * The row a received matter counts in: no unit yet, unless its first dispatch was counted before its receipt
	 * (a redelivery), which put it under the lead unit already.
	 */
	private Increment receivedWhereAttributed(long matterId, Increment atIntake) {
		jdbc.sql("""
				INSERT INTO statistics_matter (matter_id, received_day, unit_id, category_code, kind, channel)
				VALUES (:matterId, :day, :unitId, :category, :kind, :channel) ON CONFLICT DO NOTHING""")
			.params(atIntake.params())
			.param("matterId", matterId)
			.update();
		Increment attributed = attribution(matterId, false).orElseThrow();
		attributed.received = 1;
		return attributed;
	}

	/** On the first dispatch the matter's received count moves from "no unit" to the lead unit, same day. */
	private void attributeReceived(MatterDispatched dispatched, Optional<Facts> facts) {
		Optional<Increment> current = attribution(dispatched.matterId(), true);
		if (current.isEmpty()) {
			Instant receivedAt = facts.map(Facts::receivedAt).orElse(null);
			if (receivedAt == null) {
				return;
			}
			Increment attributed = new Increment(receivedAt.atZone(zone).toLocalDate(), dispatched.leadUnitId(),
					dispatched.categoryCode(), dispatched.kind().name(), facts.map(Facts::channel).orElse(null));
			int inserted = jdbc.sql("""
					INSERT INTO statistics_matter (matter_id, received_day, unit_id, category_code, kind, channel)
					VALUES (:matterId, :day, :unitId, :category, :kind, :channel) ON CONFLICT DO NOTHING""")
				.params(attributed.params())
				.param("matterId", dispatched.matterId())
				.update();
			if (inserted == 1) {
				// The receipt, when it is counted, counts here.
				return;
			}
			current = attribution(dispatched.matterId(), true);
		}
		Increment from = current.orElseThrow();
		if (from.unitId != NO_UNIT) {
			return;
		}
		from.received = -1;
		add(from);
		Increment to = new Increment(from.day, dispatched.leadUnitId(), dispatched.categoryCode(),
				dispatched.kind().name(), from.channel);
		to.received = 1;
		add(to);
		jdbc.sql("""
				UPDATE statistics_matter SET unit_id = :unitId, category_code = :category, kind = :kind
				WHERE matter_id = :matterId""")
			.params(to.params())
			.param("matterId", dispatched.matterId())
			.update();
	}

	private Optional<Increment> attribution(long matterId, boolean forUpdate) {
		return jdbc.sql("""
				SELECT received_day, unit_id, category_code, kind, channel FROM statistics_matter
				WHERE matter_id = :matterId""" + (forUpdate ? " FOR UPDATE" : ""))
			.param("matterId", matterId)
			.query((rs, row) -> new Increment(rs.getObject("received_day", LocalDate.class), rs.getLong("unit_id"),
					rs.getString("category_code"), rs.getString("kind"), rs.getString("channel")))
			.optional();
	}

	private Increment increment(MatterEvent event, Optional<Facts> facts) {
		String channel = facts.map(Facts::channel).orElse(null);
		String kind = facts.map(Facts::kind).orElse(null);
		String category = facts.map(Facts::categoryCode).orElse(null);
		Long leadUnit = facts.map(Facts::leadUnitId).orElse(null);
		Instant receivedAt = facts.map(Facts::receivedAt).orElse(null);
		Increment increment;
		if (event instanceof MatterReceived received) {
			increment = new Increment(day(received), NO_UNIT, received.categoryCode(), received.kind().name(),
					received.channel().name());
			increment.received = 1;
		}
		else if (event instanceof MatterDispatched dispatched) {
			// A re-dispatch after a return is the same matter reaching a unit again, not a new dispatch.
			if (dispatched.redispatch()) {
				return null;
			}
			increment = new Increment(day(dispatched), dispatched.leadUnitId(), dispatched.categoryCode(),
					dispatched.kind().name(), channel);
			increment.dispatched = 1;
		}
		else if (event instanceof MatterSigned signed) {
			increment = new Increment(day(signed), signed.unitId(), category, kind, channel);
			Instant dispatchedAt = facts.map(Facts::dispatchedAt).orElse(null);
			// The dispatch this signature answers; a later transfer moves dispatched_at past it.
			if (dispatchedAt != null && !dispatchedAt.isAfter(signed.occurredAt())) {
				increment.signMinutes = workingMinutes(dispatchedAt, signed.occurredAt());
				increment.signCount = 1;
			}
		}
		else if (event instanceof MatterReplied replied) {
			increment = new Increment(day(replied), replied.unitId(), category, kind, channel);
			increment.replied = 1;
			if (receivedAt != null) {
				increment.replyMinutes = workingMinutes(receivedAt, replied.occurredAt());
				increment.replyCount = 1;
			}
		}
		else if (event instanceof MatterReopened reopened) {
			increment = new Increment(day(reopened), reopened.unitId(), category, kind, channel);
			increment.reopened = 1;
		}
		else if (event instanceof MatterFollowedUp followedUp) {
			increment = new Increment(day(followedUp), unit(followedUp.unitId(), leadUnit), category, kind, channel);
			switch (followedUp.satisfaction()) {
				case SATISFIED -> increment.satisfied = 1;
				case BASICALLY_SATISFIED -> increment.basically = 1;
				case UNSATISFIED -> increment.unsatisfied = 1;
			}
		}
		else if (event instanceof MatterClosed closed) {
			increment = new Increment(day(closed), unit(closed.unitId(), leadUnit), category, kind, channel);
			increment.closed = 1;
			boolean onTime = closed.closeDue() == null || !closed.occurredAt().isAfter(closed.closeDue());
			increment.closedOnTime = onTime ? 1 : 0;
			if (receivedAt != null) {
				increment.closeMinutes = workingMinutes(receivedAt, closed.occurredAt());
				increment.closeCount = 1;
			}
		}
		else {
			return null;
		}
		return increment;
	}

	private void add(Increment increment) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			jdbc.sql("""
					INSERT INTO statistics_daily (stat_day, unit_id, category_code, kind, channel)
					VALUES (:day, :unitId, :category, :kind, :channel) ON CONFLICT DO NOTHING""")
				.params(increment.params())
				.update();
			int updated = jdbc.sql("""
					UPDATE statistics_daily SET
					    received = received + :received, dispatched = dispatched + :dispatched,
					    replied = replied + :replied, closed = closed + :closed,
					    closed_on_time = closed_on_time + :closedOnTime, reopened = reopened + :reopened,
					    follow_ups_satisfied = follow_ups_satisfied + :satisfied,
					    follow_ups_basically = follow_ups_basically + :basically,
					    follow_ups_unsatisfied = follow_ups_unsatisfied + :unsatisfied,
					    sign_minutes = sign_minutes + :signMinutes, sign_count = sign_count + :signCount,
					    reply_minutes = reply_minutes + :replyMinutes, reply_count = reply_count + :replyCount,
					    close_minutes = close_minutes + :closeMinutes, close_count = close_count + :closeCount
					WHERE stat_day = :day AND unit_id = :unitId AND category_code = :category AND kind = :kind
					    AND channel = :channel""")
				.params(increment.params())
				.update();
			if (updated == 1) {
				return;
			}
		}
		throw new IllegalStateException("Roll-up row not found after " + ATTEMPTS + " attempts: " + increment.day);
	}

	private LocalDate day(MatterEvent event) {
		return event.occurredAt().atZone(zone).toLocalDate();
	}

	private long workingMinutes(Instant from, Instant to) {
		return calendar.workingTimeBetween(from, to).toMinutes();
	}

	private static long unit(Long fromEvent, Long leadUnit) {
		return fromEvent != null ? fromEvent : leadUnit != null ? leadUnit : NO_UNIT;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** What the events do not carry: read from the matter as the publishing transaction committed it. */
	private Optional<Facts> facts(long matterId) {
		return jdbc.sql("""
				SELECT channel, kind, category_code, lead_unit_id, received_at, dispatched_at
				FROM matter WHERE id = :id""")
			.param("id", matterId)
			.query((rs, row) -> new Facts(rs.getString("channel"), rs.getString("kind"),
					rs.getString("category_code"), (Long) rs.getObject("lead_unit_id", Long.class),
					instant(rs.getObject("received_at", OffsetDateTime.class)),
					instant(rs.getObject("dispatched_at", OffsetDateTime.class))))
			.optional();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	private record Facts(String channel, String kind, String categoryCode, Long leadUnitId, Instant receivedAt,
			Instant dispatchedAt) {
	}

	/** One roll-up row's key and what to add to it. */
	static final class Increment {

		final LocalDate day;

		final long unitId;

		final String category;

		final String kind;

		final String channel;

		long received;

		long dispatched;

		long replied;

		long closed;

		long closedOnTime;

		long reopened;

		long satisfied;

		long basically;

		long unsatisfied;

		long signMinutes;

		long signCount;

		long replyMinutes;

		long replyCount;

		long closeMinutes;

		long closeCount;

		Increment(LocalDate day, long unitId, String category, String kind, String channel) {
			this.day = day;
			this.unitId = unitId;
			this.category = category == null ? NO_CATEGORY : category;
			this.kind = kind == null ? "-" : kind;
			this.channel = channel == null ? "-" : channel;
		}

		Map<String, Object> params() {
			Map<String, Object> params = new HashMap<>();
			params.put("day", day);
			params.put("unitId", unitId);
			params.put("category", category);
			params.put("kind", kind);
			params.put("channel", channel);
			params.put("received", received);
			params.put("dispatched", dispatched);
			params.put("replied", replied);
			params.put("closed", closed);
			params.put("closedOnTime", closedOnTime);
			params.put("reopened", reopened);
			params.put("satisfied", satisfied);
			params.put("basically", basically);
			params.put("unsatisfied", unsatisfied);
			params.put("signMinutes", signMinutes);
			params.put("signCount", signCount);
			params.put("replyMinutes", replyMinutes);
			params.put("replyCount", replyCount);
			params.put("closeMinutes", closeMinutes);
			params.put("closeCount", closeCount);
			return params;
		}

	}

}
