package cn.shouhu.organization;

/** An officer moved to another unit: their account's scope changes, so their sessions end. */
public record OfficerTransferred(long officerId, long fromUnitId, long toUnitId) {
}
