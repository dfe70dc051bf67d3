package cn.shouhu.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection.
 *
 * @param maxFailedLogins failed attempts in a row that lock an account ({@code shouhu.security.max-failed-logins})
 * @param lockout how long a locked account stays locked ({@code shouhu.security.lockout})
 */
@ConfigurationProperties("shouhu.security")
record AccountSecurityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("30m") Duration lockout) {
}
