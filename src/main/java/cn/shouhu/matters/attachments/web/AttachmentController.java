package cn.shouhu.matters.attachments.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.shouhu.matters.attachments.Attachment;
import cn.shouhu.matters.attachments.AttachmentDownload;
import cn.shouhu.matters.attachments.AttachmentStore;
import cn.shouhu.shared.CurrentStaff;

/**
 * Downloads an attachment as a file, never shown inline: the browser must not render an uploaded file in the
 * application's origin, whatever it contains.
 */
@Controller
class AttachmentController {

	private final AttachmentStore store;

	AttachmentController(AttachmentStore store) {
		this.store = store;
	}

	@GetMapping("/matters/{matterId:\\d+}/attachments/{attachmentId:\\d+}")
	ResponseEntity<Resource> download(@PathVariable long matterId, @PathVariable long attachmentId) {
		AttachmentDownload download = store.download(CurrentStaff.require(), matterId, attachmentId);
		Attachment attachment = download.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.contentLength(attachment.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(new FileSystemResource(download.file()));
	}

}
