package cn.shouhu.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.shouhu.matters.PublicMatter;
import cn.shouhu.matters.PublicStep;

/** A matter on its public page, with its times written in the branch's zone. */
record TrackingView(PublicMatter matter, String receivedAt, String updatedAt, String replyDue, String reopenUntil,
		List<Entry> timeline) {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One line of the public timeline. */
	record Entry(String at, PublicStep step, String unitName, String text) {
	}

	static TrackingView of(PublicMatter matter, ZoneId zone) {
		return new TrackingView(matter, time(matter.receivedAt(), zone), time(matter.updatedAt(), zone),
				time(matter.replyDue(), zone), time(matter.reopenUntil(), zone),
				matter.timeline()
					.stream()
					.map(entry -> new Entry(time(entry.at(), zone), entry.step(), entry.unitName(), entry.text()))
					.toList());
	}

	private static String time(Instant instant, ZoneId zone) {
		return instant == null ? null : FORMAT.format(instant.atZone(zone));
	}

}
