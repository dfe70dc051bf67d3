package cn.shouhu.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the trail for the auditor: a filtered count, one page, or every filtered row streamed for an export.
 * The WHERE clause is assembled from fixed fragments and every value is a bound parameter.
 */
@Component
public class AuditSearch {

	private static final String COLUMNS = """
			id, occurred_at, actor, actor_unit_id, ip, module, action, outcome, target_type, target_id, detail,
			prev_hash, hash""";

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	public AuditSearch(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.streaming = new NamedParameterJdbcTemplate(dataSource);
		this.streaming.getJdbcTemplate().setFetchSize(500);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	public long count(AuditQuery query) {
		Where where = where(query);
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + where.sql, where.params, Long.class);
		return count == null ? 0 : count;
	}

	/** @param page from 1 */
	public List<AuditEvent> page(AuditQuery query, AuditSort sort, int page, int size) {
		Where where = where(query);
		where.params.put("limit", size);
		where.params.put("offset", (long) (page - 1) * size);
		return jdbc.query("SELECT " + COLUMNS + " FROM audit_event" + where.sql + " ORDER BY " + sort.orderBy()
				+ " LIMIT :limit OFFSET :offset", where.params, (rs, n) -> ChainVerifier.read(rs));
	}

	/** Hands every filtered row, in the given order, to {@code sink} without holding them all in memory. */
	public void stream(AuditQuery query, AuditSort sort, Consumer<AuditEvent> sink) {
		Where where = where(query);
		readOnly.executeWithoutResult(status -> streaming.query(
				"SELECT " + COLUMNS + " FROM audit_event" + where.sql + " ORDER BY " + sort.orderBy(), where.params,
				(RowCallbackHandler) rs -> sink.accept(ChainVerifier.read(rs))));
	}

	private static Where where(AuditQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			conditions.add("occurred_at < :to");
			params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		if (query.actor() != null) {
			conditions.add("actor = :actor");
			params.put("actor", query.actor());
		}
		if (query.module() != null) {
			conditions.add("module = :module");
			params.put("module", query.module());
		}
		if (query.action() != null) {
			conditions.add("action LIKE :action ESCAPE '!'");
			params.put("action", startsWith(query.action()));
		}
		if (query.targetType() != null) {
			conditions.add("target_type = :targetType");
			params.put("targetType", query.targetType());
		}
		if (query.targetId() != null) {
			conditions.add("target_id = :targetId");
			params.put("targetId", query.targetId());
		}
		if (query.outcome() != null) {
			conditions.add("outcome = :outcome");
			params.put("outcome", query.outcome().name());
		}
		if (query.ip() != null) {
			conditions.add("ip LIKE :ip ESCAPE '!'");
			params.put("ip", startsWith(query.ip()));
		}
		String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return new Where(sql, params);
	}

	/** A LIKE pattern matching values that start with the text, its own wildcards taken literally. */
	private static String startsWith(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	private record Where(String sql, Map<String, Object> params) {
	}

}
