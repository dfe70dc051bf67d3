package cn.shouhu.matters;

/** What intake hands back: the matter's id, and the tracking code (查询码) the submitter follows it with. */
public record Receipt(long id, String trackingCode) {
}
