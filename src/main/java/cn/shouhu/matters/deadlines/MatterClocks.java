package cn.shouhu.matters.deadlines;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.deadlines.MatterClock.Pause;

/**
 * Reads a matter's clock from the core's tables (this package is part of the matters module; the aggregate's
 * repository is the core's own, so a read-only query serves here). Runs in the caller's transaction, so that a
 * listener sees the change that is being saved.
 */
@Component
class MatterClocks {

	private final JdbcClient jdbc;

	MatterClocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<MatterClock> find(long matterId) {
		return jdbc.sql("""
				SELECT m.state, m.lead_unit_id, u.path, m.dispatched_at, m.sign_due, m.reply_due, m.close_due,
				       (SELECT MAX(t.occurred_at) FROM matter_timeline t
				         WHERE t.matter_id = m.id AND t.action = 'REOPENED') AS reopened_at
				  FROM matter m LEFT JOIN unit u ON u.id = m.lead_unit_id
				 WHERE m.id = :id
				""").param("id", matterId).query((rs, n) -> {
			Instant dispatchedAt = instant(rs.getObject("dispatched_at", OffsetDateTime.class));
			Instant reopenedAt = instant(rs.getObject("reopened_at", OffsetDateTime.class));
			Instant limitsStart = reopenedAt != null && (dispatchedAt == null || reopenedAt.isAfter(dispatchedAt))
					? reopenedAt : dispatchedAt;
			long leadUnit = rs.getLong("lead_unit_id");
			return new MatterClock(matterId, MatterState.valueOf(rs.getString("state")),
					rs.wasNull() ? null : leadUnit, rs.getString("path"), dispatchedAt, limitsStart,
					instant(rs.getObject("sign_due", OffsetDateTime.class)),
					instant(rs.getObject("reply_due", OffsetDateTime.class)),
					instant(rs.getObject("close_due", OffsetDateTime.class)), List.of());
		}).optional().map(clock -> withPauses(clock));
	}

	private MatterClock withPauses(MatterClock clock) {
		if (clock.limitsStart() == null) {
			return clock;
		}
		List<Pause> pauses = new ArrayList<>();
		Instant[] open = { null };
		jdbc.sql("""
				SELECT action, occurred_at FROM matter_timeline
				 WHERE matter_id = :id AND action IN ('WAITING_FOR_SUBMITTER', 'RESUMED') AND occurred_at >= :start
				 ORDER BY seq
				""").param("id", clock.matterId()).param("start", clock.limitsStart().atOffset(ZoneOffset.UTC)).query(rs -> {
			Instant at = instant(rs.getObject("occurred_at", OffsetDateTime.class));
			if ("WAITING_FOR_SUBMITTER".equals(rs.getString("action"))) {
				open[0] = at;
			}
			else if (open[0] != null) {
				pauses.add(new Pause(open[0], at));
				open[0] = null;
			}
		});
		if (open[0] != null) {
			pauses.add(new Pause(open[0], null));
		}
		return new MatterClock(clock.matterId(), clock.state(), clock.leadUnitId(), clock.unitPath(),
				clock.dispatchedAt(), clock.limitsStart(), clock.signDue(), clock.replyDue(), clock.closeDue(),
				List.copyOf(pauses));
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
