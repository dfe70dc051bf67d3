package cn.shouhu.matters;

import java.time.Instant;

/**
 * One line of the public timeline: never a staff member's name, an internal note or a reason given inside the
 * police.
 *
 * @param unitName the unit the step concerns (dispatched to, signed by, replied by), or null
 * @param text what the submitter may read: the reply, what the unit needs from them, what they added themselves,
 *     their own comment on the reply; null otherwise
 */
public record PublicTimelineEntry(Instant at, PublicStep step, String unitName, String text) {
}
