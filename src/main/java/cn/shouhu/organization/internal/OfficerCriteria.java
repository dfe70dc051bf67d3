package cn.shouhu.organization.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.shouhu.organization.OfficerStatus;

/**
 * The officer list's search form: name or 警号 contains {@code q}, unit (with its subtree), status, party
 * membership; sorted by one of a fixed set of columns; paged by 20, 50 or 100.
 */
public record OfficerCriteria(String q, Long unitId, OfficerStatus status, Boolean partyMember, String sort,
		String dir, Integer page, Integer size) {

	public static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);

	/** The sortable columns and the SQL each one sorts by: the only text that ever reaches ORDER BY. */
	static final Map<String, String> SORT_COLUMNS = Map.of(
			"badge", "o.badge_no",
			"name", "o.name",
			"unit", "u.path",
			"status", "CASE o.status WHEN 'ACTIVE' THEN 0 WHEN 'TRANSFERRED' THEN 1 ELSE 2 END");

	public static final Set<String> SORTS = SORT_COLUMNS.keySet();

	public OfficerCriteria {
		q = OfficerRules.clean(q);
		sort = sort != null && SORT_COLUMNS.containsKey(sort) ? sort : "badge";
		dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
		page = page == null || page < 1 ? 1 : page;
		size = size != null && PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
	}

	public static OfficerCriteria defaults() {
		return new OfficerCriteria(null, null, null, null, null, null, null, null);
	}

	/** The same search on another page. */
	public OfficerCriteria withPage(int newPage) {
		return new OfficerCriteria(q, unitId, status, partyMember, sort, dir, newPage, size);
	}

	/** The dir a click on a column header asks for: the other direction on the current column, else ascending. */
	public String nextDir(String column) {
		return column.equals(sort) && "asc".equals(dir) ? "desc" : "asc";
	}

	int offset() {
		return (page - 1) * size;
	}

}
