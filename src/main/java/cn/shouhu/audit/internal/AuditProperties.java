package cn.shouhu.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code shouhu.audit.*}).
 * <p>
 * The application never deletes audit rows: the trail is kept forever, which more than meets the retention of at
 * least 180 days that the rules for network logs ask for. {@code retention-days} states the promised minimum;
 * the application refuses to start with less, so nobody can configure a shorter promise by mistake.
 *
 * @param retentionDays the minimum number of days audit rows are kept (at least 180)
 */
@ConfigurationProperties("shouhu.audit")
public record AuditProperties(@DefaultValue("180") int retentionDays) {

	public static final int MINIMUM_RETENTION_DAYS = 180;

	public AuditProperties {
		if (retentionDays < MINIMUM_RETENTION_DAYS) {
			throw new IllegalArgumentException("shouhu.audit.retention-days must be at least "
					+ MINIMUM_RETENTION_DAYS + " (network logs are kept for at least six months); it is "
					+ retentionDays);
		}
	}

}
