package cn.shouhu.matters.web;

import java.util.List;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;

/**
 * The board's filters, sorting and page, as the query string carries them. Sort keys outside the whitelist fall
 * back to the default (newest first).
 *
 * @param unitId the lead unit, its subtree included
 * @param overdue only matters past their sign or reply limit
 */
record BoardCriteria(String q, MatterState state, MatterKind kind, String category, Long unitId, Channel channel,
		Boolean overdue, String sort, String dir, Integer page, Integer size) {

	static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);

	static final List<String> SORTS = List.of("id", "received", "due", "state", "unit");

	BoardCriteria {
		q = q == null || q.isBlank() ? null : q.strip();
		category = category == null || category.isBlank() ? null : category.strip();
		sort = sort != null && SORTS.contains(sort) ? sort : "received";
		dir = "asc".equals(dir) ? "asc" : "desc";
		page = page == null || page < 1 ? 1 : page;
		size = size != null && PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
	}

	public boolean overdueOnly() {
		return Boolean.TRUE.equals(overdue);
	}

	/** The direction a click on this column's header sorts by. */
	public String nextDir(String column) {
		return column.equals(sort) && "desc".equals(dir) ? "asc" : "desc";
	}

}
