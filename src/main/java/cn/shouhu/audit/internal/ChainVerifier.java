package cn.shouhu.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.audit.internal.ChainVerification.Problem;

/**
 * Walks the whole chain in id order and recomputes every hash: a changed row, a broken link, a missing id, a
 * chain head that does not match the last row, or an anchor the auditor wrote down earlier that no longer matches.
 * Stops at the first problem. Rows stream from the database, so the chain's length does not matter.
 */
@Component
public class ChainVerifier {

	/** An (id, hash) pair the auditor took from an earlier verification. */
	public record Anchor(long id, String hash) {

		private static final Pattern FORM = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

		/** Parses {@code 1234:9f86d0…}; null for a blank text. */
		public static Anchor parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			var matcher = FORM.matcher(text.strip());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("An anchor is ID:HASH (64 hex digits)");
			}
			return new Anchor(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
		}

	}

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	public ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		this.readOnly = new TransactionTemplate(transactions);
		// PostgreSQL streams a result only inside a transaction.
		this.readOnly.setReadOnly(true);
	}

	public ChainVerification verify() {
		return verify(null);
	}

	public ChainVerification verify(Anchor anchor) {
		return readOnly.execute(status -> walk(anchor));
	}

	private ChainVerification walk(Anchor anchor) {
		Walk walk = new Walk(anchor);
		try {
			streaming.query("""
				SELECT id, occurred_at, actor, actor_unit_id, ip, module, action, outcome, target_type, target_id,
				       detail, prev_hash, hash
				FROM audit_event ORDER BY id
				""", (RowCallbackHandler) rs -> {
				walk.check(read(rs));
				if (walk.result != null) {
					throw new Stop();
				}
			});
		}
		catch (Stop stop) {
			return walk.result;
		}
		if (anchor != null && !walk.anchorSeen) {
			return ChainVerification.broken(walk.checked, anchor.id(), Problem.ANCHOR_MISMATCH, null);
		}
		return checkHead(walk);
	}

	/**
	 * The head names the chain's last row. Rows appended while we walked move it further: those rows exist now.
	 * A head pointing past rows that do not exist means the tail was deleted.
	 */
	private ChainVerification checkHead(Walk walk) {
		var head = streaming.queryForMap("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
		Long headId = head.get("last_id") == null ? null : ((Number) head.get("last_id")).longValue();
		String headHash = (String) head.get("last_hash");
		long lastId = walk.previousId;
		if (headId == null) {
			return lastId == 0 ? ChainVerification.intact(0, null, null)
					: ChainVerification.broken(walk.checked, 1, Problem.HEAD_MISMATCH, null);
		}
		if (headId < lastId) {
			return ChainVerification.broken(walk.checked, headId + 1, Problem.HEAD_MISMATCH, null);
		}
		if (headId == lastId) {
			return headHash.equals(walk.previousHash) ? ChainVerification.intact(walk.checked, lastId, walk.previousHash)
					: ChainVerification.broken(walk.checked, lastId, Problem.HEAD_MISMATCH, null);
		}
		Long appendedSince = streaming.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE id > ? AND id <= ?", Long.class, lastId, headId);
		if (appendedSince != null && appendedSince == headId - lastId) {
			return ChainVerification.intact(walk.checked, lastId == 0 ? null : lastId,
					lastId == 0 ? null : walk.previousHash);
		}
		return ChainVerification.broken(walk.checked, lastId + 1, Problem.ROWS_MISSING, headId);
	}

	static AuditEvent read(ResultSet rs) throws SQLException {
		OffsetDateTime occurredAt = rs.getObject("occurred_at", OffsetDateTime.class);
		return new AuditEvent(rs.getLong("id"), occurredAt.toInstant(), rs.getString("actor"),
				rs.getObject("actor_unit_id", Long.class), rs.getString("ip"), rs.getString("module"),
				rs.getString("action"), Outcome.valueOf(rs.getString("outcome")), rs.getString("target_type"),
				rs.getString("target_id"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	/** Ends the row stream at the first problem: there is no point reading further. */
	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	private static final class Walk {

		private final Anchor anchor;

		private long previousId;

		private String previousHash = ChainHash.GENESIS;

		private long checked;

		private boolean anchorSeen;

		private ChainVerification result;

		Walk(Anchor anchor) {
			this.anchor = anchor;
		}

		void check(AuditEvent row) {
			if (row.id() != previousId + 1) {
				result = ChainVerification.broken(checked, previousId + 1, Problem.ROWS_MISSING, row.id() - 1);
				return;
			}
			if (!row.prevHash().equals(previousHash)) {
				result = ChainVerification.broken(checked, row.id(), Problem.LINK_BROKEN, previousId);
				return;
			}
			if (!row.expectedHash().equals(row.hash())) {
				result = ChainVerification.broken(checked, row.id(), Problem.CONTENT_CHANGED, null);
				return;
			}
			if (anchor != null && anchor.id() == row.id()) {
				anchorSeen = true;
				if (!anchor.hash().equals(row.hash())) {
					result = ChainVerification.broken(checked, row.id(), Problem.ANCHOR_MISMATCH, null);
					return;
				}
			}
			checked++;
			previousId = row.id();
			previousHash = row.hash();
		}

	}

}
