package cn.shouhu.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the demo branch into an empty database and list the demo accounts at start-up
 *     ({@code shouhu.demo.enabled}, env SHOUHU_DEMO; on by default, off under the postgres profile)
 * @param password the password of every demo account ({@code shouhu.demo.password})
 */
@ConfigurationProperties("shouhu.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("Shouhu@2026") String password) {
}
