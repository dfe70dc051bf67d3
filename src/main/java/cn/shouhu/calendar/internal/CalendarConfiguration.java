package cn.shouhu.calendar.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Re-reads the calendar on every node at the configured interval (see {@link DatabaseWorkingCalendar}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CalendarConfiguration implements SchedulingConfigurer {

	private final DatabaseWorkingCalendar calendar;

	private final CalendarProperties properties;

	CalendarConfiguration(DatabaseWorkingCalendar calendar, CalendarProperties properties) {
		this.calendar = calendar;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(calendar::refresh, properties.refreshInterval(),
				properties.refreshInterval()));
	}

}
