package cn.shouhu.matters;

/** Where a matter came in; the Chinese names are in the bundle under {@code matters.channel.NAME}. */
public enum Channel {

	/** 网上警局: the public portal. */
	PORTAL,
	/** Open311 GeoReport v2, from third-party apps. */
	OPEN311,
	/** 电话. */
	PHONE,
	/** 来访: in person at a desk. */
	WALK_IN,
	/** 来信. */
	LETTER,
	/** 恳谈会、座谈会: raised at a meeting. */
	MEETING,
	/** 走访: found on a visit. */
	VISIT;

	/** Whether the public submits through this channel themselves (no staff member records it). */
	public boolean isPublic() {
		return this == PORTAL || this == OPEN311;
	}

}
