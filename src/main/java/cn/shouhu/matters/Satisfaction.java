package cn.shouhu.matters;

/** The submitter's verdict at follow-up (回访). */
public enum Satisfaction {

	/** 满意. */
	SATISFIED,
	/** 基本满意. */
	BASICALLY_SATISFIED,
	/** 不满意: within the reopen window the matter is handled again (重办). */
	UNSATISFIED

}
