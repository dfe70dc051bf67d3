package cn.shouhu.organization;

/** An officer retired or left the branch: their account is disabled. */
public record OfficerLeft(long officerId, OfficerStatus status) {
}
