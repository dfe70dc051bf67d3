package cn.shouhu.portal.web;

/** The forms of the tracking pages, bound as records: never a matter, never more than the page asks. */
final class TrackingForms {

	private TrackingForms() {
	}

	/** 查询: the tracking code and the phone's last four digits, or the PIN of an anonymous tip-off. */
	record Lookup(String code, String proof) {
	}

	/** 补充材料. */
	record Information(String text) {
	}

	/** 评价: 满意 / 基本满意 / 不满意, with an optional comment. */
	record Rating(String satisfaction, String comment) {
	}

	/** 申请重办, with the reason. */
	record Reopen(String reason) {
	}

}
