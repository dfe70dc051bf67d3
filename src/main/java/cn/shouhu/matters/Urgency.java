package cn.shouhu.matters;

/** 一般、紧急、特急. */
public enum Urgency {

	NORMAL, URGENT, CRITICAL

}
