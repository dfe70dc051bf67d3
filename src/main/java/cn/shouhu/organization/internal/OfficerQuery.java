package cn.shouhu.organization.internal;

import java.util.HashMap;
import java.util.Map;

import cn.shouhu.shared.DataScope;

/**
 * The officer list's query, shared by the page and the export so both show the same officers. The SQL text is
 * made only of fixed fragments, chosen by which filters are present; every value is a bound parameter.
 */
final class OfficerQuery {

	static final String COLUMNS = "SELECT o.id, o.badge_no, o.name, o.unit_id, o.position, o.party_member, o.status, o.version";

	private static final String FROM = " FROM officer o JOIN unit u ON u.id = o.unit_id";

	private final StringBuilder where = new StringBuilder(" WHERE (:scopeAll OR u.path LIKE :scopePath)");

	private final Map<String, Object> params = new HashMap<>();

	private final OfficerCriteria criteria;

	/**
	 * @param unitFilter the subtree of the unit chosen in the form (ignored when no unit is chosen)
	 */
	OfficerQuery(OfficerCriteria criteria, DataScope scope, DataScope unitFilter) {
		this.criteria = criteria;
		params.put("scopeAll", scope.unrestricted());
		params.put("scopePath", scope.likePattern());
		if (criteria.q() != null) {
			where.append(" AND (o.name LIKE :q ESCAPE '\\' OR o.badge_no LIKE :q ESCAPE '\\')");
			params.put("q", "%" + escapeLike(criteria.q()) + "%");
		}
		if (criteria.unitId() != null) {
			where.append(" AND u.path LIKE :unitPath");
			params.put("unitPath", unitFilter.likePattern());
		}
		if (criteria.status() != null) {
			where.append(" AND o.status = :status");
			params.put("status", criteria.status().name());
		}
		if (criteria.partyMember() != null) {
			where.append(" AND o.party_member = :partyMember");
			params.put("partyMember", criteria.partyMember());
		}
	}

	String count() {
		return "SELECT COUNT(*)" + FROM + where;
	}

	/** All matching rows in the chosen order; the id breaks ties so that pages never overlap. */
	String select() {
		String direction = "desc".equals(criteria.dir()) ? " DESC" : " ASC";
		return COLUMNS + FROM + where + " ORDER BY " + OfficerCriteria.SORT_COLUMNS.get(criteria.sort()) + direction
				+ ", o.badge_no" + direction + ", o.id";
	}

	String page() {
		return select() + " LIMIT :limit OFFSET :offset";
	}

	Map<String, Object> params() {
		return params;
	}

	Map<String, Object> pageParams() {
		Map<String, Object> withPage = new HashMap<>(params);
		withPage.put("limit", criteria.size());
		withPage.put("offset", criteria.offset());
		return withPage;
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
