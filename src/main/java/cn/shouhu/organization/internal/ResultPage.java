package cn.shouhu.organization.internal;

import java.util.List;

/** One page of a search's results. */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

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
