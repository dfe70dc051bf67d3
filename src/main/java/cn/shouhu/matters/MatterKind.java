package cn.shouhu.matters;

/** What the submitter wants; the Chinese names are in the bundle under {@code matters.kind.NAME}. */
public enum MatterKind {

	/** 求助. */
	HELP,
	/** 咨询. */
	ENQUIRY,
	/** 投诉. */
	COMPLAINT,
	/** 举报: the only kind that may be anonymous. */
	TIP_OFF,
	/** 建议. */
	SUGGESTION,
	/** 表扬. */
	PRAISE

}
