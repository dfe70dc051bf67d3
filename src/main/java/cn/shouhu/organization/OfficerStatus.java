package cn.shouhu.organization;

/** 在职、调离、退休. */
public enum OfficerStatus {

	ACTIVE, TRANSFERRED, RETIRED

}
