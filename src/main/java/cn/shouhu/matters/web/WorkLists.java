package cn.shouhu.matters.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.Role;

/**
 * 我的待办: the lists of what a staff member has to do, by tab, with the data scope bound as query parameters. A
 * handler or unit leader sees their unit's subtree; clerks, coordinators and the branch leader the whole queue.
 * Each tab's condition is a constant of this class, never text from the request.
 */
@Component
class WorkLists {

	static final int PAGE_SIZE = 20;

	private static final Set<Role> COORDINATION = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR);

	private static final Set<Role> UNIT_ROLES = EnumSet.of(Role.HANDLER, Role.UNIT_LEADER);

	private static final Set<Role> WHOLE_QUEUE = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR, Role.BRANCH_LEADER);

	private static final String LEAD_IN_SCOPE = " AND (:scopeAll OR u.path LIKE :scopePath)";

	private static final String DUE = """
			(CASE WHEN m.state = 'DISPATCHED' THEN m.sign_due
			      WHEN m.state IN ('SIGNED', 'IN_PROGRESS', 'REOPENED', 'REPLY_PENDING_APPROVAL') THEN m.reply_due END)""";

	/** The tabs, in the order the page shows them, with their conditions. */
	enum Tab {

		/** 待分派: in the coordinators' queue. */
		DISPATCH("dispatch", "m.state IN ('RECEIVED', 'RETURNED')"),
		/** 待签收. */
		SIGN("sign", "m.state = 'DISPATCHED'" + LEAD_IN_SCOPE),
		/** 待办理. */
		HANDLE("handle", "m.state IN ('SIGNED', 'IN_PROGRESS', 'REOPENED')" + LEAD_IN_SCOPE),
		/** 协办: an open co-handling task of a unit in scope. */
		COHANDLE("cohandle", """
				EXISTS (SELECT 1 FROM matter_task t JOIN unit tu ON tu.id = t.unit_id
				         WHERE t.matter_id = m.id AND t.state = 'OPEN' AND (:scopeAll OR tu.path LIKE :scopePath))"""),
		/** 待审批: replies waiting for the unit leader. */
		APPROVE("approve", "m.state = 'REPLY_PENDING_APPROVAL'" + LEAD_IN_SCOPE),
		/** 即将到期: due within one working day. */
		DUE_SOON("dueSoon", DUE + " > :now AND " + DUE + " <= :soon" + LEAD_IN_SCOPE),
		/** 已超期. */
		OVERDUE("overdue", DUE + " <= :now" + LEAD_IN_SCOPE);

		final String param;

		final String condition;

		Tab(String param, String condition) {
			this.param = param;
			this.condition = condition;
		}

		public String param() {
			return param;
		}

		static Tab of(String param) {
			for (Tab tab : values()) {
				if (tab.param.equals(param)) {
					return tab;
				}
			}
			return null;
		}

	}

	private final JdbcClient jdbc;

	private final OrganizationDirectory organization;

	private final WorkingCalendar calendar;

	private final Clock clock;

	WorkLists(JdbcClient jdbc, OrganizationDirectory organization, WorkingCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The tabs this staff member has, in order. */
	Set<Tab> tabs(CurrentStaff staff) {
		Set<Tab> tabs = EnumSet.noneOf(Tab.class);
		if (staff.hasAny(COORDINATION)) {
			tabs.add(Tab.DISPATCH);
		}
		if (staff.hasAny(UNIT_ROLES) || staff.hasAny(WHOLE_QUEUE)) {
			tabs.addAll(EnumSet.of(Tab.SIGN, Tab.HANDLE, Tab.COHANDLE, Tab.DUE_SOON, Tab.OVERDUE));
		}
		if (staff.has(Role.UNIT_LEADER) || staff.hasAny(WHOLE_QUEUE)) {
			tabs.add(Tab.APPROVE);
		}
		return tabs;
	}

	@Transactional(readOnly = true)
	RowPage list(CurrentStaff staff, Tab tab, int page) {
		if (!tabs(staff).contains(tab)) {
			return new RowPage(java.util.List.of(), 0, 1, PAGE_SIZE);
		}
		Instant now = clock.instant();
		Map<String, Object> params = params(staff, now);
		long total = count(tab, params);
		int last = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), last);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (current - 1) * PAGE_SIZE);
		var items = jdbc.sql("SELECT " + MatterRow.COLUMNS + "\n" + MatterRow.FROM + "\n WHERE " + tab.condition
				+ "\n ORDER BY " + DUE + " NULLS LAST, m.received_at, m.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> MatterRow.read(rs, now))
			.list();
		return new RowPage(items, total, current, PAGE_SIZE);
	}

	/** How many items each of this staff member's tabs holds. */
	@Transactional(readOnly = true)
	Map<Tab, Long> counts(CurrentStaff staff) {
		Map<String, Object> params = params(staff, clock.instant());
		Map<Tab, Long> counts = new LinkedHashMap<>();
		for (Tab tab : tabs(staff)) {
			counts.put(tab, count(tab, params));
		}
		return counts;
	}

	/**
	 * The menu badge: what waits for this staff member's own action — to dispatch for clerks and coordinators; to
	 * sign, handle, co-handle and (for leaders) approve for a unit's staff. The branch leader acts on nothing.
	 */
	@Transactional(readOnly = true)
	long badge(CurrentStaff staff) {
		Map<String, Object> params = params(staff, clock.instant());
		long total = 0;
		if (staff.hasAny(COORDINATION)) {
			total += count(Tab.DISPATCH, params);
		}
		if (staff.hasAny(UNIT_ROLES)) {
			total += count(Tab.SIGN, params) + count(Tab.HANDLE, params) + count(Tab.COHANDLE, params);
			if (staff.has(Role.UNIT_LEADER)) {
				total += count(Tab.APPROVE, params);
			}
		}
		return total;
	}

	private long count(Tab tab, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*)\n" + MatterRow.FROM + "\n WHERE " + tab.condition)
			.params(params)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> params(CurrentStaff staff, Instant now) {
		DataScope scope = scope(staff);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopeAll", scope.unrestricted());
		params.put("scopePath", scope.likePattern());
		params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		params.put("soon", OffsetDateTime.ofInstant(calendar.plusWorkingDays(now, 1), ZoneOffset.UTC));
		return params;
	}

	/** A unit's staff see their subtree (even if they also coordinate); the whole-queue roles everything. */
	private DataScope scope(CurrentStaff staff) {
		if (staff.hasAny(UNIT_ROLES)) {
			return organization.subtreeOf(staff.unitId());
		}
		return staff.hasAny(WHOLE_QUEUE) ? DataScope.all() : DataScope.none();
	}

}
