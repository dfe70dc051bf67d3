package cn.shouhu.matters.attachments;

import java.nio.file.Path;

/** An attachment the caller may download, and where its bytes are. */
public record AttachmentDownload(Attachment attachment, Path file) {
}
