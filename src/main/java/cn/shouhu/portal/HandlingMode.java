package cn.shouhu.portal;

/**
 * How a service item is handled, as the branch promises it; the Chinese names are in the bundle under
 * {@code portal.mode.NAME}.
 */
public enum HandlingMode {

	/** 马上办: done on the spot. */
	IMMEDIATE,
	/** 网上办: done online, no visit. */
	ONLINE,
	/** 就近办: at the nearest station. */
	NEARBY,
	/** 一次办: one visit with complete papers. */
	ONE_VISIT

}
