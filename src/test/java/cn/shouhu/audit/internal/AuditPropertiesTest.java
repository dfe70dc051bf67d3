package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The trail is kept forever; the promised minimum may not be configured below 180 days. */
class AuditPropertiesTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuditProperties.class)
	static class Settings {

	}

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

	@Test
	void defaultsTo180Days() {
		runner.run(context -> assertThat(context.getBean(AuditProperties.class).retentionDays()).isEqualTo(180));
	}

	@Test
	void acceptsALongerRetention() {
		runner.withPropertyValues("shouhu.audit.retention-days=365")
			.run(context -> assertThat(context.getBean(AuditProperties.class).retentionDays()).isEqualTo(365));
	}

	@Test
	void refusesToStartWithLessThan180Days() {
		runner.withPropertyValues("shouhu.audit.retention-days=90")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("at least 180"));
	}

}
