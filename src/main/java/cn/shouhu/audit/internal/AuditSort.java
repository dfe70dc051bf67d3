package cn.shouhu.audit.internal;

/** The orders the trail can be listed in: a whitelist, so no request text ever reaches ORDER BY. */
public enum AuditSort {

	NEWEST_FIRST("occurred_at DESC, id DESC"),
	OLDEST_FIRST("occurred_at ASC, id ASC");

	private final String orderBy;

	AuditSort(String orderBy) {
		this.orderBy = orderBy;
	}

	String orderBy() {
		return orderBy;
	}

	/** The named order, or newest first for anything else. */
	public static AuditSort parse(String name) {
		for (AuditSort sort : values()) {
			if (sort.name().equalsIgnoreCase(name)) {
				return sort;
			}
		}
		return NEWEST_FIRST;
	}

}
