package cn.shouhu.matters.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.shared.DataScope;

/**
 * The coordinators' board: the whole queue with filters, whitelisted sorting and paging, and its .xlsx export
 * (streamed: rows are read with a fetch size and written through a workbook that keeps a window in memory). Only
 * the whole-queue roles reach it; the scope predicate is bound all the same, like every list of matters.
 */
@Component
class Board {

	private static final int FETCH_SIZE = 500;

	private static final int ROWS_IN_MEMORY = 200;

	private static final String DUE = """
			(CASE WHEN m.state = 'DISPATCHED' THEN m.sign_due
			      WHEN m.state IN ('SIGNED', 'IN_PROGRESS', 'REOPENED', 'REPLY_PENDING_APPROVAL') THEN m.reply_due END)""";

	/** Sort keys to columns: the only text of a request that shapes the SQL, and only through this map. */
	private static final Map<String, String> ORDER = Map.of("id", "m.id", "received", "m.received_at", "due", DUE,
			"state", "m.state", "unit", "u.name");

	private static final List<String> HEADERS = List.of("id", "trackingCode", "title", "kind", "category",
			"urgency", "channel", "leadUnit", "receivedAt");

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final OrganizationDirectory organization;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Times times;

	private final Clock clock;

	Board(JdbcClient jdbc, DataSource dataSource, OrganizationDirectory organization, AuditTrail audit,
			MessageSource messages, Times times, Clock clock) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.streaming = new NamedParameterJdbcTemplate(template);
		this.organization = organization;
		this.audit = audit;
		this.messages = messages;
		this.times = times;
		this.clock = clock;
	}

	/** The WHERE clause (fixed fragments only) and its parameters. */
	private record Query(String where, Map<String, Object> params, Instant now) {
	}

	private Query query(BoardCriteria criteria) {
		Instant now = clock.instant();
		DataScope scope = DataScope.all();
		StringBuilder where = new StringBuilder(" WHERE (:scopeAll OR u.path LIKE :scopePath)");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopeAll", scope.unrestricted());
		params.put("scopePath", scope.likePattern());
		params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		if (criteria.state() != null) {
			where.append(" AND m.state = :state");
			params.put("state", criteria.state().name());
		}
		if (criteria.kind() != null) {
			where.append(" AND m.kind = :kind");
			params.put("kind", criteria.kind().name());
		}
		if (criteria.category() != null) {
			where.append(" AND m.category_code = :category");
			params.put("category", criteria.category());
		}
		if (criteria.channel() != null) {
			where.append(" AND m.channel = :channel");
			params.put("channel", criteria.channel().name());
		}
		if (criteria.unitId() != null) {
			where.append(" AND u.path LIKE :unitPath");
			params.put("unitPath", organization.findUnit(criteria.unitId()).map(UnitRef::path).orElse("#none#") + "%");
		}
		if (criteria.overdueOnly()) {
			where.append(" AND ").append(DUE).append(" <= :now");
		}
		if (criteria.q() != null) {
			where.append(" AND (m.title LIKE :q ESCAPE '\\' OR m.description LIKE :q ESCAPE '\\' OR m.tracking_code = :code)");
			params.put("q", "%" + criteria.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("code", criteria.q().toUpperCase(Locale.ROOT));
		}
		return new Query(where.toString(), params, now);
	}

	private static String order(BoardCriteria criteria) {
		String direction = "asc".equals(criteria.dir()) ? " ASC" : " DESC";
		return " ORDER BY " + ORDER.get(criteria.sort()) + direction + " NULLS LAST, m.id" + direction;
	}

	@Transactional(readOnly = true)
	RowPage search(BoardCriteria criteria) {
		Query query = query(criteria);
		long total = jdbc.sql("SELECT COUNT(*)\n" + MatterRow.FROM + query.where())
			.params(query.params())
			.query(Long.class)
			.single();
		int size = criteria.size();
		int last = (int) Math.max(1, (total + size - 1) / size);
		int page = Math.min(criteria.page(), last);
		Map<String, Object> params = new LinkedHashMap<>(query.params());
		params.put("limit", size);
		params.put("offset", (page - 1) * size);
		List<MatterRow> items = jdbc
			.sql("SELECT " + MatterRow.COLUMNS + "\n" + MatterRow.FROM + query.where() + order(criteria)
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> MatterRow.read(rs, query.now()))
			.list();
		return new RowPage(items, total, page, size);
	}

	/**
	 * Writes every matter the filters select, in the board's order, as .xlsx. The transaction keeps one connection
	 * for the whole read, which PostgreSQL needs to honour the fetch size. The export is audited.
	 * @return the number of matters written
	 */
	@Transactional
	int export(BoardCriteria criteria, OutputStream out, Locale locale) throws IOException {
		Query query = query(criteria);
		int[] written = { 0 };
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			workbook.setCompressTempFiles(true);
			Sheet sheet = workbook.createSheet(text("matters-web.export.sheet", locale));
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle style = workbook.createCellStyle();
			style.setFont(bold);
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(text("matters-web.field." + HEADERS.get(i), locale));
				header.getCell(i).setCellStyle(style);
			}
			header.createCell(HEADERS.size()).setCellValue(text("matters-web.list.state", locale));
			header.createCell(HEADERS.size() + 1).setCellValue(text("matters-web.list.due", locale));
			streaming.query("SELECT " + MatterRow.COLUMNS + "\n" + MatterRow.FROM + query.where() + order(criteria),
					query.params(), (RowCallbackHandler) rs -> {
						MatterRow matter = MatterRow.read(rs, query.now());
						Row row = sheet.createRow(++written[0]);
						int c = 0;
						row.createCell(c++).setCellValue(matter.id());
						row.createCell(c++).setCellValue(matter.trackingCode());
						row.createCell(c++).setCellValue(matter.title());
						row.createCell(c++).setCellValue(text("matters.kind." + matter.kind(), locale));
						row.createCell(c++).setCellValue(matter.categoryName() == null ? "" : matter.categoryName());
						row.createCell(c++).setCellValue(text("matters.urgency." + matter.urgency(), locale));
						row.createCell(c++).setCellValue(text("matters.channel." + matter.channel(), locale));
						row.createCell(c++).setCellValue(matter.leadUnitName() == null ? "" : matter.leadUnitName());
						row.createCell(c++).setCellValue(times.format(matter.receivedAt()));
						row.createCell(c++).setCellValue(text("matters.state." + matter.state(), locale));
						row.createCell(c).setCellValue(times.format(matter.due()));
					});
			workbook.write(out);
		}
		Map<String, Object> what = new LinkedHashMap<>();
		what.put("q", criteria.q());
		what.put("state", criteria.state());
		what.put("kind", criteria.kind());
		what.put("category", criteria.category());
		what.put("unitId", criteria.unitId());
		what.put("channel", criteria.channel());
		what.put("overdue", criteria.overdueOnly());
		what.put("rows", written[0]);
		audit.record(new AuditRecord("matters", "matter.export", "matter", null, null, what));
		return written[0];
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
