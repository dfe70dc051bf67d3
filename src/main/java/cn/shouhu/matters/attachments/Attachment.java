package cn.shouhu.matters.attachments;

import java.time.Instant;

/**
 * One file attached to a matter, as staff see it.
 *
 * @param fileName the name it was uploaded with, cleaned for display; never used on disk
 * @param contentType the type detected from its content
 * @param sha256 the SHA-256 of its bytes (hex), to show it was not altered since
 */
public record Attachment(long id, long matterId, String fileName, String contentType, long size, String sha256,
		Instant uploadedAt, String uploadedBy) {
}
