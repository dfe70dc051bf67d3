package cn.shouhu.matters.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The timers' settings: defaults for the embedded run, overrides as written in application.yml. */
class DeadlinePropertiesTest {

	private static DeadlineProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("shouhu.deadlines",
				DeadlineProperties.class);
	}

	@Test
	void theDefaultsRunTheTimersEverySecondOnSixteenThreads() {
		assertThat(bind(Map.of())).isEqualTo(new DeadlineProperties(true, Duration.ofSeconds(1), 16));
	}

	@Test
	void settingsOverrideTheDefaults() {
		assertThat(bind(Map.of("shouhu.deadlines.enabled", "false", "shouhu.deadlines.polling-interval", "200ms")))
			.isEqualTo(new DeadlineProperties(false, Duration.ofMillis(200), 16));
	}

	@Test
	void aZeroPollingIntervalIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("shouhu.deadlines.polling-interval", "0s")))
			.isInstanceOf(BindException.class);
	}

}
