package cn.shouhu.matters.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.MatterKind;

/**
 * The intake desk's live list: matters the public sent through the portal or Open311 that nobody has dispatched
 * yet (已受理, 待分派). Two indexed queries on (state, received_at), cheap enough to run every few seconds for
 * every clerk on duty.
 */
@Component
class PublicQueue {

	/** How many of the newest the panel lists; the count covers them all. */
	static final int SHOWN = 10;

	private final JdbcClient jdbc;

	PublicQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One waiting matter as the panel shows it: no personal data of the submitter. */
	record Waiting(long id, Channel channel, MatterKind kind, String title, Instant receivedAt) {
	}

	/** The waiting matters, newest first, and how many there are in all. */
	record Snapshot(long count, List<Waiting> newest) {
	}

	@Transactional(readOnly = true)
	Snapshot snapshot() {
		long count = jdbc.sql("""
				SELECT COUNT(*) FROM matter
				 WHERE state = 'RECEIVED' AND channel IN ('PORTAL', 'OPEN311')
				""").query(Long.class).single();
		List<Waiting> newest = count == 0 ? List.of() : jdbc.sql("""
				SELECT id, channel, kind, title, received_at FROM matter
				 WHERE state = 'RECEIVED' AND channel IN ('PORTAL', 'OPEN311')
				 ORDER BY received_at DESC, id DESC
				 LIMIT :limit
				""")
			.param("limit", SHOWN)
			.query((rs, n) -> new Waiting(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
					MatterKind.valueOf(rs.getString("kind")), rs.getString("title"),
					rs.getObject("received_at", OffsetDateTime.class).toInstant()))
			.list();
		return new Snapshot(count, newest);
	}

}
