package cn.shouhu.matters.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Urgency;

/**
 * One matter in a list: no personal data of the submitter.
 *
 * @param due what is due next: the sign limit while dispatched, else the reply limit
 */
record MatterRow(long id, String trackingCode, String title, Channel channel, MatterKind kind, String categoryName,
		Urgency urgency, MatterState state, String leadUnitName, Instant receivedAt, Instant due, boolean supervised,
		boolean overdue) {

	/** The columns every list selects; {@code due} is computed by the query. */
	static final String COLUMNS = """
			m.id, m.tracking_code, m.title, m.channel, m.kind, c.name AS category_name, m.urgency, m.state,
			u.name AS lead_unit_name, m.received_at, m.supervised,
			CASE WHEN m.state = 'DISPATCHED' THEN m.sign_due
			     WHEN m.state IN ('SIGNED', 'IN_PROGRESS', 'REOPENED', 'REPLY_PENDING_APPROVAL') THEN m.reply_due
			END AS due""";

	/** The joins the columns need: the lead unit (if any) and the category (if any). */
	static final String FROM = """
			  FROM matter m
			  LEFT JOIN unit u ON u.id = m.lead_unit_id
			  LEFT JOIN matter_category c ON c.code = m.category_code""";

	static MatterRow read(ResultSet rs, Instant now) throws SQLException {
		Instant due = instant(rs, "due");
		return new MatterRow(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("title"),
				Channel.valueOf(rs.getString("channel")), MatterKind.valueOf(rs.getString("kind")),
				rs.getString("category_name"), Urgency.valueOf(rs.getString("urgency")),
				MatterState.valueOf(rs.getString("state")), rs.getString("lead_unit_name"), instant(rs, "received_at"),
				due, rs.getBoolean("supervised"), due != null && due.isBefore(now));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
