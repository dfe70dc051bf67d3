package cn.shouhu.matters;

import java.time.Instant;

/**
 * The submitter added information on the portal (补充材料).
 *
 * @param unitId the lead unit, or null while the matter waits for dispatch
 * @param resumed whether the unit was waiting for it, so that handling resumed and the clock runs again
 */
public record MatterInformationAdded(long matterId, Long unitId, boolean resumed, Instant occurredAt)
		implements MatterEvent {
}
