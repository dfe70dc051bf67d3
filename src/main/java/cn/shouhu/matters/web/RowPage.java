package cn.shouhu.matters.web;

import java.util.List;

/** One page of a list, numbered from 1. */
record RowPage(List<MatterRow> items, long total, int page, int size) {

	public int totalPages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < totalPages();
	}

}
