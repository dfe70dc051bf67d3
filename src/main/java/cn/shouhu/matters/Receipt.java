package cn.shouhu.matters;

/**
 * What intake hands back: the matter's id, the tracking code (查询码) the submitter follows it with, and for an
 * anonymous tip-off (匿名举报) sent through a public channel the PIN that takes the place of the phone's last four
 * digits. The PIN exists only here: the database keeps its hash, so it is shown once and can never be shown again.
 *
 * @param pin six digits, or null when the submitter proves the matter is theirs with their phone
 */
public record Receipt(long id, String trackingCode, String pin) {

	public Receipt(long id, String trackingCode) {
		this(id, trackingCode, null);
	}

	@Override
	public String toString() {
		return "Receipt[id=" + id + ", trackingCode=" + trackingCode + ", pin=" + (pin == null ? null : "******") + "]";
	}

}
