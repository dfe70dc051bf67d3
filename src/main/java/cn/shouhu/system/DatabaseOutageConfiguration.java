package cn.shouhu.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import tools.jackson.databind.json.JsonMapper;

/** Registers {@link DatabaseOutageFilter} ahead of the session and security filters, which read the database. */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

	/** After the character-encoding filter, before the session filter (Integer.MIN_VALUE + 50) and security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(MessageSource messages, JsonMapper json) {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter(messages, json));
		registration.setOrder(ORDER);
		return registration;
	}

}
