package cn.shouhu.matters.attachments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a matter may carry, recognised by their first bytes (magic numbers), never by the name or the
 * type the browser declares: a renamed program or web page is none of them.
 */
public enum AttachmentType {

	JPEG("image/jpeg", Set.of("jpg", "jpeg"), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),

	PNG("image/png", Set.of("png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),

	PDF("application/pdf", Set.of("pdf"), new byte[] { '%', 'P', 'D', 'F', '-' });

	/** How many leading bytes {@link #detect(byte[])} needs at most. */
	public static final int HEAD_LENGTH = 8;

	private final String contentType;

	private final Set<String> extensions;

	private final byte[] magic;

	AttachmentType(String contentType, Set<String> extensions, byte[] magic) {
		this.contentType = contentType;
		this.extensions = extensions;
		this.magic = magic;
	}

	/** The type whose magic bytes start {@code head}, or empty for anything else (including an empty file). */
	public static Optional<AttachmentType> detect(byte[] head) {
		if (head == null) {
			return Optional.empty();
		}
		return Arrays.stream(values())
			.filter(type -> head.length >= type.magic.length
					&& Arrays.equals(head, 0, type.magic.length, type.magic, 0, type.magic.length))
			.findFirst();
	}

	/** Whether the file name's extension is one this type is saved with ("photo.JPG" is a JPEG's). */
	public boolean matchesName(String fileName) {
		if (fileName == null) {
			return false;
		}
		int dot = fileName.lastIndexOf('.');
		return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	public String contentType() {
		return contentType;
	}

	/** The extension a file of this type is offered with when its own name had none worth keeping. */
	public String extension() {
		return this == JPEG ? "jpg" : name().toLowerCase(Locale.ROOT);
	}

}
