package cn.shouhu.organization;

/** What other modules may know of an officer. */
public record OfficerRef(long id, String badgeNo, String name, long unitId, String unitName, OfficerStatus status) {
}
