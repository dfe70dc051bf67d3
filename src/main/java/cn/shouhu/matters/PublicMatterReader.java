package cn.shouhu.matters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.TimelineEntry.ActorType;

/**
 * Reads matters as the public sees them with two queries, whatever their number: the matters (with category and
 * lead unit names), then the public steps of all their timelines. What is public is decided here, in one place,
 * for the portal and Open311 alike.
 */
@Component
class PublicMatterReader {

	/** Timeline actions that have a public step; every other action is internal and never read. */
	private static final Set<TimelineAction> PUBLIC_ACTIONS = EnumSet.of(TimelineAction.RECEIVED,
			TimelineAction.DISPATCHED, TimelineAction.REDISPATCHED, TimelineAction.TRANSFERRED, TimelineAction.SIGNED,
			TimelineAction.INFORMATION_ADDED, TimelineAction.WAITING_FOR_SUBMITTER, TimelineAction.RESUMED,
			TimelineAction.EXTENSION_APPROVED, TimelineAction.REPLIED, TimelineAction.FOLLOWED_UP,
			TimelineAction.REOPENED, TimelineAction.CLOSED, TimelineAction.MERGED);

	private static final String COLUMNS = """
			SELECT m.id, m.tracking_code, m.channel, m.kind, m.category_code, c.name AS category_name, m.state,
			       m.title, m.description, m.place_address, m.place_latitude, m.place_longitude,
			       u.name AS lead_unit_name, m.received_at, m.updated_at, m.reply_due, m.reopen_due,
			       m.reply_text, m.reply_measures, m.reply_approved_at, m.follow_up_satisfaction
			  FROM matter m
			  LEFT JOIN matter_category c ON c.code = m.category_code
			  LEFT JOIN unit u ON u.id = m.lead_unit_id
			""";

	private final JdbcClient jdbc;

	PublicMatterReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PublicMatter> find(PublicMatterQuery query, Instant now) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (!query.ids().isEmpty()) {
			where.append(" AND m.id IN (:ids)");
			params.put("ids", query.ids());
		}
		if (!query.categoryCodes().isEmpty()) {
			where.append(" AND m.category_code IN (:categoryCodes)");
			params.put("categoryCodes", query.categoryCodes());
		}
		if (query.from() != null) {
			where.append(" AND m.received_at >= :from");
			params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			where.append(" AND m.received_at < :to");
			params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		if (query.status() == PublicStatus.CLOSED) {
			where.append(" AND m.state = 'CLOSED'");
		}
		else if (query.status() == PublicStatus.OPEN) {
			where.append(" AND m.state <> 'CLOSED'");
		}
		params.put("limit", query.limit());
		List<Row> rows = jdbc.sql(COLUMNS + where + " ORDER BY m.received_at DESC, m.id DESC LIMIT :limit")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return withTimelines(rows, now);
	}

	private List<PublicMatter> withTimelines(List<Row> rows, Instant now) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<PublicTimelineEntry>> timelines = new LinkedHashMap<>();
		rows.forEach(row -> timelines.put(row.id(), new ArrayList<>()));
		jdbc.sql("""
				SELECT t.matter_id, t.occurred_at, t.action, t.actor_type, t.note, tu.name AS unit_name
				  FROM matter_timeline t
				  LEFT JOIN unit tu ON tu.id = t.unit_id
				 WHERE t.matter_id IN (:ids) AND t.action IN (:actions)
				 ORDER BY t.matter_id, t.seq
				""")
			.param("ids", timelines.keySet())
			.param("actions", PUBLIC_ACTIONS.stream().map(Enum::name).toList())
			.query(rs -> {
				PublicTimelineEntry entry = entry(instant(rs, "occurred_at"),
						TimelineAction.valueOf(rs.getString("action")), ActorType.valueOf(rs.getString("actor_type")),
						rs.getString("unit_name"), rs.getString("note"));
				if (entry != null) {
					timelines.get(rs.getLong("matter_id")).add(entry);
				}
			});
		return rows.stream().map(row -> row.toPublic(timelines.get(row.id()), now)).toList();
	}

	/**
	 * The public step of a timeline entry, and which of its text the public may read: the reply, what the unit
	 * asked the submitter for (the form asks staff for exactly that, 需要群众补充什么), and the submitter's own words.
	 * Dispatch notes, close notes and the master's tracking code of a merge stay inside.
	 */
	static PublicTimelineEntry entry(Instant at, TimelineAction action, ActorType actorType, String unitName,
			String note) {
		return switch (action) {
			case RECEIVED -> new PublicTimelineEntry(at, PublicStep.ACCEPTED, null, null);
			case DISPATCHED, REDISPATCHED, TRANSFERRED -> new PublicTimelineEntry(at, PublicStep.DISPATCHED, unitName,
					null);
			case SIGNED -> new PublicTimelineEntry(at, PublicStep.SIGNED, unitName, null);
			case INFORMATION_ADDED -> new PublicTimelineEntry(at, PublicStep.INFORMATION_ADDED, null, note);
			case WAITING_FOR_SUBMITTER -> new PublicTimelineEntry(at, PublicStep.WAITING_FOR_SUBMITTER, unitName,
					note);
			case RESUMED -> new PublicTimelineEntry(at, PublicStep.RESUMED, null, null);
			case EXTENSION_APPROVED -> new PublicTimelineEntry(at, PublicStep.EXTENDED, null, null);
			case REPLIED -> new PublicTimelineEntry(at, PublicStep.REPLIED, unitName, note);
			case FOLLOWED_UP -> new PublicTimelineEntry(at, PublicStep.FOLLOWED_UP, null,
					actorType == ActorType.SUBMITTER ? note : null);
			case REOPENED -> new PublicTimelineEntry(at, PublicStep.REOPENED, null, null);
			case CLOSED -> new PublicTimelineEntry(at, PublicStep.CLOSED, null, null);
			case MERGED -> new PublicTimelineEntry(at, PublicStep.MERGED, null, null);
			default -> null;
		};
	}

	/** The state as the public reads it: a return or a draft waiting for approval is simply "being handled". */
	static String stateKey(MatterState state) {
		String name = switch (state) {
			case RECEIVED, RETURNED -> "RECEIVED";
			case DISPATCHED, SIGNED, IN_PROGRESS, REPLY_PENDING_APPROVAL -> "HANDLING";
			case WAITING_FOR_SUBMITTER -> "WAITING";
			case REPLIED -> "REPLIED";
			case REOPENED -> "REOPENED";
			case CLOSED -> "CLOSED";
			case MERGED -> "MERGED";
		};
		return "matters.public.state." + name;
	}

	private static Row row(ResultSet rs) throws SQLException {
		String satisfaction = rs.getString("follow_up_satisfaction");
		return new Row(rs.getLong("id"), rs.getString("tracking_code"), Channel.valueOf(rs.getString("channel")),
				MatterKind.valueOf(rs.getString("kind")), rs.getString("category_code"), rs.getString("category_name"),
				MatterState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("description"),
				rs.getString("place_address"), rs.getObject("place_latitude", Double.class),
				rs.getObject("place_longitude", Double.class), rs.getString("lead_unit_name"),
				instant(rs, "received_at"), instant(rs, "updated_at"), instant(rs, "reply_due"),
				instant(rs, "reopen_due"), rs.getString("reply_text"), rs.getString("reply_measures"),
				instant(rs, "reply_approved_at") != null,
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private record Row(long id, String trackingCode, Channel channel, MatterKind kind, String categoryCode,
			String categoryName, MatterState state, String title, String description, String address,
			Double latitude, Double longitude, String leadUnitName, Instant receivedAt, Instant updatedAt,
			Instant replyDue, Instant reopenDue, String replyText, String measures, boolean replyApproved,
			Satisfaction satisfaction) {

		PublicMatter toPublic(List<PublicTimelineEntry> timeline, Instant now) {
			boolean followedUp = satisfaction != null;
			boolean canAskReopen = Matter.acceptsReopenRequest(state, followedUp, reopenDue, now);
			return new PublicMatter(id, trackingCode, channel, kind, categoryCode, categoryName,
					PublicStatus.of(state), stateKey(state), title, description, address, latitude, longitude,
					leadUnitName, receivedAt, updatedAt, state.isOpen() ? replyDue : null,
					replyApproved ? replyText : null, replyApproved ? measures : null, satisfaction, timeline,
					Matter.acceptsInformation(state), Matter.acceptsRating(state, followedUp), canAskReopen,
					canAskReopen ? reopenDue : null);
		}

	}

}
