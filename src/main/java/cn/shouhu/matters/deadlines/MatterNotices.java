package cn.shouhu.matters.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/**
 * The notices the timers wrote, as staff read them (督办提醒). Coordinators see all of them; unit and branch
 * leaders see those for their unit's subtree; handlers see those for their subtree that are meant for handlers
 * or for the whole unit. Scope is bound as parameters on every read and write.
 */
@Service
class MatterNotices {

	/** The newest this many; older ones are history. */
	static final int LIMIT = 200;

	private static final Set<Role> READERS = EnumSet.of(Role.COORDINATOR, Role.UNIT_LEADER, Role.BRANCH_LEADER,
			Role.HANDLER);

	private static final Set<Role> EVERY_TARGET = EnumSet.of(Role.COORDINATOR, Role.UNIT_LEADER, Role.BRANCH_LEADER);

	private static final String VISIBLE = """
			FROM matter_notice n
			JOIN matter m ON m.id = n.matter_id
			JOIN unit u ON u.id = n.target_unit_id
			WHERE (:scopeAll OR u.path LIKE :scopePath)
			  AND (:everyTarget OR n.target_role IS NULL OR n.target_role IN (:roles))
			""";

	private static final String COLUMNS = """
			SELECT n.id, n.matter_id, m.tracking_code, m.title, n.deadline_kind, n.notice_kind, u.name AS unit_name,
			       n.target_role, n.due_at, n.created_at, n.read_at
			""";

	private final JdbcClient jdbc;

	private final OrganizationDirectory organization;

	private final AuditTrail audit;

	private final Clock clock;

	MatterNotices(JdbcClient jdbc, OrganizationDirectory organization, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.audit = audit;
		this.clock = clock;
	}

	/** One notice as listed. @param targetRole the role it is meant for, or null for the whole unit */
	record Notice(long id, long matterId, String trackingCode, String title, DeadlineKind deadline, NoticeKind kind,
			String unitName, String targetRole, Instant dueAt, Instant createdAt, Instant readAt) {

		boolean unread() {
			return readAt == null;
		}

	}

	/** Unread first, then newest first. */
	@Transactional(readOnly = true)
	List<Notice> list(CurrentStaff staff) {
		return scoped(COLUMNS + VISIBLE + " ORDER BY CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END, n.created_at DESC,"
				+ " n.id DESC LIMIT " + LIMIT, staff).query((rs, n) -> new Notice(rs.getLong("id"),
						rs.getLong("matter_id"), rs.getString("tracking_code"), rs.getString("title"),
						DeadlineKind.valueOf(rs.getString("deadline_kind")),
						NoticeKind.valueOf(rs.getString("notice_kind")), rs.getString("unit_name"),
						rs.getString("target_role"), instant(rs.getObject("due_at", OffsetDateTime.class)),
						instant(rs.getObject("created_at", OffsetDateTime.class)),
						instant(rs.getObject("read_at", OffsetDateTime.class))))
			.list();
	}

	/** For a badge in the menu. */
	@Transactional(readOnly = true)
	int unreadCount(CurrentStaff staff) {
		return scoped("SELECT COUNT(*) " + VISIBLE + " AND n.read_at IS NULL", staff).query(Integer.class).single();
	}

	/** 标为已读; a notice outside the caller's scope does not exist for them. Marking twice changes nothing. */
	@Transactional
	void markRead(CurrentStaff staff, long noticeId) {
		Boolean unread = scoped("SELECT CASE WHEN n.read_at IS NULL THEN TRUE ELSE FALSE END " + VISIBLE
				+ " AND n.id = :id", staff)
			.param("id", noticeId)
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("deadlines.notFound"));
		if (!unread) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE matter_notice SET read_at = :now WHERE id = :id AND read_at IS NULL")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", noticeId)
			.update();
		audit.record(AuditRecord.updated("matters", "matter_notice.read", "matter_notice", noticeId,
				Map.of("readAt", "null"), Map.of("readAt", now.toString())));
	}

	private JdbcClient.StatementSpec scoped(String sql, CurrentStaff staff) {
		if (!staff.hasAny(READERS)) {
			return jdbc.sql(sql).param("scopeAll", false).param("scopePath", DataScope.none().likePattern())
				.param("everyTarget", false).param("roles", List.of("#none#"));
		}
		DataScope scope = staff.has(Role.COORDINATOR) ? DataScope.all() : organization.subtreeOf(staff.unitId());
		return jdbc.sql(sql)
			.param("scopeAll", scope.unrestricted())
			.param("scopePath", scope.likePattern())
			.param("everyTarget", staff.hasAny(EVERY_TARGET))
			.param("roles", staff.roles().stream().map(Role::name).toList());
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
