package cn.shouhu.matters;

import java.time.Instant;

/**
 * A request to another unit, inside the police or an outside agency, to co-handle (部门联动).
 * @param due when its part must be done; null means by the matter's reply deadline
 */
public record CoHandling(long unitId, String request, Instant due) {
}
