package cn.shouhu.organization.internal;

/** What a jurisdiction entry names. */
public enum AreaKind {

	/** 社区、村. */
	COMMUNITY,
	/** 道路. */
	ROAD

}
