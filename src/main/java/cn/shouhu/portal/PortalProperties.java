package cn.shouhu.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings ({@code shouhu.portal.*}): the rate limits on submitting and looking up. Each limit is a
 * number of requests per window, refilled gradually ({@code 5} per {@code 10m} is one more every two minutes).
 *
 * @param submissionsPerIp matters one address may submit per window
 * @param submissionsPerIpWindow that window
 * @param submissionsPerPhone matters one mobile number may submit per window
 * @param submissionsPerPhoneWindow that window
 * @param lookupsPerIp tracking look-ups one address may make per window (used by the tracking pages)
 * @param lookupsPerIpWindow that window
 * @param trackedKeys how many addresses and numbers each limit remembers at most; the least recently seen is
 * forgotten first
 */
@ConfigurationProperties("shouhu.portal")
public record PortalProperties(@DefaultValue("5") int submissionsPerIp,
		@DefaultValue("10m") Duration submissionsPerIpWindow, @DefaultValue("3") int submissionsPerPhone,
		@DefaultValue("1h") Duration submissionsPerPhoneWindow, @DefaultValue("20") int lookupsPerIp,
		@DefaultValue("10m") Duration lookupsPerIpWindow, @DefaultValue("10000") int trackedKeys) {

	public PortalProperties {
		if (submissionsPerIp < 1 || submissionsPerPhone < 1 || lookupsPerIp < 1 || trackedKeys < 1) {
			throw new IllegalArgumentException("shouhu.portal limits must be at least 1");
		}
		if (submissionsPerIpWindow.isNegative() || submissionsPerIpWindow.isZero()
				|| submissionsPerPhoneWindow.isNegative() || submissionsPerPhoneWindow.isZero()
				|| lookupsPerIpWindow.isNegative() || lookupsPerIpWindow.isZero()) {
			throw new IllegalArgumentException("shouhu.portal windows must be positive");
		}
	}

}
