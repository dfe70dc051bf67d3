package cn.shouhu.statistics.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterDispatched;
import cn.shouhu.matters.MatterEvent;
import cn.shouhu.matters.MatterFollowedUp;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterReceived;
import cn.shouhu.matters.MatterReopened;
import cn.shouhu.matters.MatterReplied;
import cn.shouhu.matters.MatterSigned;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Urgency;

/**
 * Recomputes the roll-ups from the records (the matter and its timeline), for an operator after a restore or a
 * change to how figures are counted. Each timeline entry becomes the event it recorded and is counted as the
 * listener counts it. The timeline does not keep every fact an event carried, so the rebuild takes from the
 * matter: the category (as now), the close deadline (final once closed) and the last follow-up's satisfaction
 * (an earlier follow-up that reopened the matter was unsatisfied).
 * <p>
 * One transaction over every matter, read a thousand matters at a time: run it when nobody is working, since an event counted by the listener
 * while it runs may be counted twice or not at all.
 */
@Component
public class StatisticsRebuild {

	private static final String MODULE = "statistics";

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final DailyRollups rollups;

	private final AuditTrail audit;

	public StatisticsRebuild(JdbcClient jdbc, DailyRollups rollups, AuditTrail audit) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.audit = audit;
	}

	/** @return how many events were counted */
	@Transactional
	public long rebuild() {
		long rowsBefore = jdbc.sql("SELECT COUNT(*) FROM statistics_daily").query(Long.class).single();
		jdbc.sql("DELETE FROM statistics_daily").update();
		jdbc.sql("DELETE FROM statistics_applied").update();
		jdbc.sql("DELETE FROM statistics_matter").update();
		jdbc.sql("DELETE FROM statistics_word_weekly").update();
		long counted = 0;
		long after = Long.MIN_VALUE;
		while (true) {
			// A batch of matters at a time, so that memory stays bounded however many there are.
			List<Long> ids = jdbc.sql("SELECT id FROM matter WHERE id > :after ORDER BY id LIMIT :batch")
				.param("after", after)
				.param("batch", BATCH)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			after = ids.get(ids.size() - 1);
			List<Entry> matter = new ArrayList<>();
			for (Entry entry : timeline(ids.get(0), after)) {
				if (!matter.isEmpty() && matter.get(0).matterId() != entry.matterId()) {
					counted += replay(matter);
					matter.clear();
				}
				matter.add(entry);
			}
			counted += replay(matter);
		}
		audit.record(AuditRecord.updated(MODULE, "statistics.rebuild", "statistics", "rollups",
				Map.of("rows", rowsBefore), Map.of("events", counted)));
		return counted;
	}

	private List<Entry> timeline(long firstId, long lastId) {
		return jdbc.sql("""
				SELECT t.matter_id, t.seq, t.occurred_at, t.action, t.unit_id, m.channel, m.kind, m.category_code,
				    m.urgency, m.close_due, m.follow_up_satisfaction
				FROM matter_timeline t JOIN matter m ON m.id = t.matter_id
				WHERE t.matter_id >= :firstId AND t.matter_id <= :lastId
				    AND t.action IN ('RECEIVED', 'DISPATCHED', 'SIGNED', 'REPLIED', 'FOLLOWED_UP', 'REOPENED', 'CLOSED')
				ORDER BY t.matter_id, t.seq""")
			.param("firstId", firstId)
			.param("lastId", lastId)
			.query((rs, row) -> new Entry(rs.getLong("matter_id"), rs.getString("action"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("unit_id", Long.class),
					rs.getString("channel"), rs.getString("kind"), rs.getString("category_code"),
					rs.getString("urgency"), instant(rs.getObject("close_due", OffsetDateTime.class)),
					rs.getString("follow_up_satisfaction")))
			.list();
	}

	private long replay(List<Entry> entries) {
		long counted = 0;
		for (int i = 0; i < entries.size(); i++) {
			MatterEvent event = event(entries.get(i), i + 1 < entries.size() ? entries.get(i + 1) : null);
			if (event != null && rollups.apply(event)) {
				counted++;
			}
		}
		return counted;
	}

	private static MatterEvent event(Entry e, Entry next) {
		MatterKind kind = MatterKind.valueOf(e.kind());
		Urgency urgency = Urgency.valueOf(e.urgency());
		return switch (e.action()) {
			case "RECEIVED" -> new MatterReceived(e.matterId(), Channel.valueOf(e.channel()), kind, e.categoryCode(),
					urgency, e.at());
			case "DISPATCHED" -> e.unitId() == null ? null : new MatterDispatched(e.matterId(), e.unitId(),
					e.categoryCode(), kind, urgency, null, null, null, false, e.at());
			case "SIGNED" -> e.unitId() == null ? null : new MatterSigned(e.matterId(), e.unitId(), null, e.at());
			case "REPLIED" -> e.unitId() == null ? null : new MatterReplied(e.matterId(), e.unitId(), null, null, e.at());
			case "REOPENED" -> e.unitId() == null ? null
					: new MatterReopened(e.matterId(), e.unitId(), 0, null, null, e.at());
			case "FOLLOWED_UP" -> {
				boolean reopenedNext = next != null && next.action().equals("REOPENED");
				Satisfaction satisfaction = reopenedNext || e.satisfaction() == null ? Satisfaction.UNSATISFIED
						: Satisfaction.valueOf(e.satisfaction());
				yield new MatterFollowedUp(e.matterId(), e.unitId(), satisfaction, false, e.at());
			}
			case "CLOSED" -> new MatterClosed(e.matterId(), e.unitId(), null, e.closeDue(), false, e.at());
			default -> null;
		};
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	private record Entry(long matterId, String action, Instant at, Long unitId, String channel, String kind,
			String categoryCode, String urgency, Instant closeDue, String satisfaction) {
	}

}
