package cn.shouhu.organization;

/** Kinds of unit; the Chinese names are in the bundle under {@code unit.type.NAME}. */
public enum UnitType {

	/** 分局. */
	BRANCH,
	/** 办公室、中心. */
	OFFICE,
	/** 大队. */
	BRIGADE,
	/** 派出所. */
	STATION,
	/** 队、室. */
	TEAM,
	/** 外部协作单位: 119, 120, locksmiths, 街道/社区, 司法所, 12345 — asked to co-handle, no accounts. */
	EXTERNAL_AGENCY

}
