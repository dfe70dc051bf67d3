package cn.shouhu.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.shouhu.open311.Open311Setup;

/**
 * In demo mode, registers the demo Open311 app with the fixed api_key the README shows, so the curl examples work
 * out of the box, and lists the key in the start-up log.
 */
@Component
class DemoOpen311App implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoOpen311App.class);

	private final Open311Setup open311;

	private final DemoProperties properties;

	DemoOpen311App(Open311Setup open311, DemoProperties properties) {
		this.open311 = open311;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!properties.enabled()) {
			return;
		}
		open311.registerDemoApp()
			.ifPresentOrElse(key -> log.info("Open311 demo api_key: {} (base URL /open311/v2)", key),
					() -> log.info("Open311 demo api_key was revoked by an administrator; not registered again"));
	}

}
