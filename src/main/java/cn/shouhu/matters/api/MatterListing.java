package cn.shouhu.matters.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Urgency;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.PersonalData;
import cn.shouhu.shared.Role;

/**
 * The API's list of matters, with the data scope of {@link cn.shouhu.matters.MatterDesk}: the whole queue for
 * 受理员, 协调员 and 分局领导; for 承办人 and 单位负责人 the matters led by a unit of their subtree or co-handled by
 * one; nothing for anybody else. The scope and every filter are bound parameters; the WHERE clause is built only
 * from the fixed fragments below, and the ORDER BY only from the sort whitelist.
 */
@Component
class MatterListing {

	static final int MAX_SIZE = 100;

	static final int DEFAULT_SIZE = 20;

	private static final Set<Role> WHOLE_QUEUE = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR, Role.BRANCH_LEADER);

	private static final Set<Role> UNIT_ROLES = EnumSet.of(Role.HANDLER, Role.UNIT_LEADER);

	/** Sort keys the API accepts, and the column each stands for. */
	private static final Map<String, String> SORTABLE = Map.of("receivedAt", "m.received_at", "signDue", "m.sign_due",
			"replyDue", "m.reply_due", "closeDue", "m.close_due", "state", "m.state", "id", "m.id");

	private static final String FROM = """
			FROM matter m LEFT JOIN unit u ON u.id = m.lead_unit_id
			WHERE (:scopeAll OR u.path LIKE :scopePath
			       OR EXISTS (SELECT 1 FROM matter_task t JOIN unit tu ON tu.id = t.unit_id
			                  WHERE t.matter_id = m.id AND tu.path LIKE :scopePath))
			""";

	private final JdbcClient jdbc;

	private final OrganizationDirectory organization;

	MatterListing(JdbcClient jdbc, OrganizationDirectory organization) {
		this.jdbc = jdbc;
		this.organization = organization;
	}

	/** What the caller asks for; null filters are left out. */
	record Filter(MatterState state, MatterKind kind, String categoryCode, Long unitId) {
	}

	/** One row of the list; the submitter's phone is masked. */
	record MatterSummary(long id, String trackingCode, Channel channel, MatterKind kind, String categoryCode,
			Urgency urgency, MatterState state, String title, Long leadUnitId, String leadUnitName,
			Instant receivedAt, Instant signDue, Instant replyDue, Instant closeDue, boolean supervised,
			boolean submitterAnonymous, String submitterName, String submitterPhone, int version) {
	}

	/** A page of the list; {@code page} counts from 0. */
	record MatterPage(List<MatterSummary> items, int page, int size, long totalElements, int totalPages,
			String sort) {
	}

	@Transactional(readOnly = true)
	MatterPage list(CurrentStaff staff, Filter filter, int page, int size, String sort) {
		if (page < 0) {
			throw InvalidInputException.onField("page", "matters-api.page.invalid");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInputException.onField("size", "matters-api.size.invalid", MAX_SIZE);
		}
		String orderBy = orderBy(sort);
		DataScope scope = scopeOf(staff);
		StringBuilder where = new StringBuilder(FROM);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopeAll", scope.unrestricted());
		params.put("scopePath", scope.likePattern());
		if (filter.state() != null) {
			where.append(" AND m.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.kind() != null) {
			where.append(" AND m.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.categoryCode() != null && !filter.categoryCode().isBlank()) {
			where.append(" AND m.category_code = :category");
			params.put("category", filter.categoryCode().strip());
		}
		if (filter.unitId() != null) {
			where.append(" AND m.lead_unit_id = :unitId");
			params.put("unitId", filter.unitId());
		}
		long total = jdbc.sql("SELECT COUNT(*) " + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<MatterSummary> items = jdbc.sql("""
				SELECT m.id, m.tracking_code, m.channel, m.kind, m.category_code, m.urgency, m.state, m.title,
				       m.lead_unit_id, u.name AS lead_unit_name, m.received_at, m.sign_due, m.reply_due, m.close_due,
				       m.supervised, m.submitter_anonymous, m.submitter_name, m.submitter_phone, m.version
				""" + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(MatterListing::summary)
			.list();
		int totalPages = (int) ((total + size - 1) / size);
		return new MatterPage(items, page, size, total, totalPages, sort == null ? "receivedAt,desc" : sort);
	}

	private DataScope scopeOf(CurrentStaff staff) {
		if (staff.hasAny(WHOLE_QUEUE)) {
			return DataScope.all();
		}
		if (staff.hasAny(UNIT_ROLES)) {
			return organization.subtreeOf(staff.unitId());
		}
		return DataScope.none();
	}

	/** {@code key} or {@code key,asc|desc}, keys from the whitelist only; ties go to the newest id. */
	private static String orderBy(String sort) {
		if (sort == null || sort.isBlank()) {
			return "m.received_at DESC, m.id DESC";
		}
		String[] parts = sort.strip().split(",", -1);
		String column = SORTABLE.get(parts[0].strip());
		String direction = parts.length > 1 ? parts[1].strip().toUpperCase(Locale.ROOT) : "ASC";
		if (column == null || parts.length > 2 || !(direction.equals("ASC") || direction.equals("DESC"))) {
			throw InvalidInputException.onField("sort", "matters-api.sort.invalid",
					SORTABLE.keySet().stream().sorted().collect(Collectors.joining(", ")));
		}
		return column + " " + direction + ", m.id DESC";
	}

	private static MatterSummary summary(ResultSet rs, int row) throws SQLException {
		boolean anonymous = rs.getBoolean("submitter_anonymous");
		return new MatterSummary(rs.getLong("id"), rs.getString("tracking_code").strip(),
				Channel.valueOf(rs.getString("channel")), MatterKind.valueOf(rs.getString("kind")),
				rs.getString("category_code"), Urgency.valueOf(rs.getString("urgency")),
				MatterState.valueOf(rs.getString("state")), rs.getString("title"),
				(Long) rs.getObject("lead_unit_id", Long.class), rs.getString("lead_unit_name"),
				instant(rs, "received_at"), instant(rs, "sign_due"), instant(rs, "reply_due"),
				instant(rs, "close_due"), rs.getBoolean("supervised"), anonymous, rs.getString("submitter_name"),
				PersonalData.maskPhone(rs.getString("submitter_phone")), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
