package cn.shouhu.calendar.internal;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The calendar's settings ({@code shouhu.calendar.*}). A malformed value stops the application at start-up
 * with the reason, rather than counting deadlines wrongly.
 *
 * @param zone the zone whose days and hours the calendar counts in
 * @param businessHours the business hours of every working day, {@code 08:30-12:00,14:30-18:00}
 * @param refreshInterval how often each node re-reads the calendar, to pick up an edit made on another node
 */
@ConfigurationProperties("shouhu.calendar")
record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("08:30-12:00,14:30-18:00") String businessHours,
		@DefaultValue("1m") Duration refreshInterval) {

	CalendarProperties {
		hoursOf(businessHours);
		if (refreshInterval.isNegative() || refreshInterval.isZero()) {
			throw new IllegalArgumentException("shouhu.calendar.refresh-interval must be positive: " + refreshInterval);
		}
	}

	BusinessHours hours() {
		return hoursOf(businessHours);
	}

	private static BusinessHours hoursOf(String text) {
		try {
			return BusinessHours.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("shouhu.calendar.business-hours: " + e.getMessage(), e);
		}
	}

}
