package cn.shouhu.matters.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Instants as the branch reads them, in its own time zone; templates call it as {@code @times.format(...)}. */
@Component("times")
class Times {

	/** The branch's zone, the same the working-day calendar counts in. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

	public String format(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant);
	}

}
