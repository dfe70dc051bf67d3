package cn.shouhu.open311;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Set-up for other modules: the demo branch registers its demo app through this, so Open311 itself never needs to
 * know whether demo mode is on.
 */
@Component
public class Open311Setup {

	private final ApiKeys keys;

	private final Open311Properties properties;

	Open311Setup(ApiKeys keys, Open311Properties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	/**
	 * Makes sure the demo app exists with the configured key ({@code shouhu.open311.demo-key}) and returns that key,
	 * for the start-up log; empty if an administrator revoked it, which a restart does not undo.
	 */
	public Optional<String> registerDemoApp() {
		return keys.ensure("演示应用（Open311 demo）", properties.demoKey(), "demo") ? Optional.of(properties.demoKey())
				: Optional.empty();
	}

}
