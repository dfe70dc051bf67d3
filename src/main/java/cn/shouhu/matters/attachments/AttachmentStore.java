package cn.shouhu.matters.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/**
 * Keeps the files attached to matters, for the intake desk now and the public portal later.
 * <p>
 * A file is checked by its content, written under a random name to a temporary file in the attachments folder,
 * synced to disk and moved into place before its row is inserted, so an acknowledged attachment survives a crash;
 * if the transaction then rolls back, the file is deleted again. Staff read attachments only of the matters they
 * can see ({@link MatterDesk#details}); every upload and download is audited.
 */
@Service
public class AttachmentStore {

	/** The form field the messages belong to. */
	public static final String FIELD = "attachments";

	public static final int MAX_FILES = 5;

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final String MODULE = "matters";

	private static final int NAME_LENGTH = 200;

	private final JdbcClient jdbc;

	private final MatterDesk desk;

	private final AuditTrail audit;

	private final Clock clock;

	private final Path directory;

	AttachmentStore(JdbcClient jdbc, MatterDesk desk, AuditTrail audit, Clock clock,
			@Value("${shouhu.data-dir:./data}") Path dataDir) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.audit = audit;
		this.clock = clock;
		this.directory = dataDir.resolve("attachments").toAbsolutePath().normalize();
	}

	/**
	 * The files a form sent, without the empty part a browser sends for a file input left empty.
	 */
	public static List<MultipartFile> chosen(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream()
			.filter(file -> file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
					|| file.getOriginalFilename().isBlank())))
			.toList();
	}

	/**
	 * Checks the files without keeping any: at most {@value #MAX_FILES}, each non-empty, at most 10 MB, a JPEG,
	 * PNG or PDF by its content with an extension to match.
	 * @throws InvalidInputException on the {@value #FIELD} field, for the first file that fails
	 */
	public void check(List<MultipartFile> files) {
		List<MultipartFile> chosen = chosen(files);
		if (chosen.size() > MAX_FILES) {
			throw InvalidInputException.onField(FIELD, "matters-attachments.tooMany", MAX_FILES);
		}
		for (MultipartFile file : chosen) {
			typeOf(file);
		}
	}

	private static AttachmentType typeOf(MultipartFile file) {
		String name = displayName(file.getOriginalFilename());
		if (file.isEmpty()) {
			throw InvalidInputException.onField(FIELD, "matters-attachments.empty", name);
		}
		if (file.getSize() > MAX_BYTES) {
			throw InvalidInputException.onField(FIELD, "matters-attachments.tooLarge", name);
		}
		byte[] head;
		try (InputStream in = file.getInputStream()) {
			head = in.readNBytes(AttachmentType.HEAD_LENGTH);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		AttachmentType type = AttachmentType.detect(head)
			.orElseThrow(() -> InvalidInputException.onField(FIELD, "matters-attachments.badType", name));
		if (!type.matchesName(file.getOriginalFilename())) {
			throw InvalidInputException.onField(FIELD, "matters-attachments.nameMismatch", name);
		}
		return type;
	}

	/**
	 * Attaches the files to the matter, in the caller's transaction (or a new one): all of them or, if any is
	 * refused, none. The caller has checked that the uploader may add to this matter.
	 * @param uploadedBy the staff member's username, or "submitter" for the portal
	 */
	@Transactional
	public List<Attachment> attach(long matterId, List<MultipartFile> files, String uploadedBy) {
		List<MultipartFile> chosen = chosen(files);
		check(chosen);
		List<Attachment> attached = new ArrayList<>();
		for (MultipartFile file : chosen) {
			attached.add(attachOne(matterId, file, typeOf(file), uploadedBy));
		}
		return attached;
	}

	private Attachment attachOne(long matterId, MultipartFile file, AttachmentType type, String uploadedBy) {
		String storedName = UUID.randomUUID().toString();
		Path target = directory.resolve(storedName);
		Stored stored = write(file, target);
		String fileName = displayName(file.getOriginalFilename());
		if (fileName.isEmpty()) {
			fileName = "attachment." + type.extension();
		}
		Instant now = clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO matter_attachment (matter_id, stored_name, file_name, content_type, size_bytes, sha256,
				    uploaded_at, uploaded_by)
				VALUES (:matterId, :storedName, :fileName, :contentType, :size, :sha256, :uploadedAt, :uploadedBy)
				""")
			.param("matterId", matterId)
			.param("storedName", storedName)
			.param("fileName", fileName)
			.param("contentType", type.contentType())
			.param("size", stored.size())
			.param("sha256", stored.sha256())
			.param("uploadedAt", Timestamp.from(now))
			.param("uploadedBy", uploadedBy)
			.update(keys, "id");
		Attachment attachment = new Attachment(keys.getKey().longValue(), matterId, fileName, type.contentType(),
				stored.size(), stored.sha256(), now, uploadedBy);
		audit.record(AuditRecord.created(MODULE, "attachment", attachment.id(), auditView(attachment)));
		return attachment;
	}

	private record Stored(long size, String sha256) {
	}

	/**
	 * Writes the upload to a temporary file beside the target, syncs it and moves it into place atomically. From
	 * the moment the temporary file exists, the transaction's end deletes both unless it commits.
	 */
	private Stored write(MultipartFile file, Path target) {
		try {
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, "upload-", ".tmp");
			deleteUnlessCommitted(temporary, target);
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = new DigestInputStream(file.getInputStream(), sha256);
					FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				size = in.transferTo(Channels.newOutputStream(channel));
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			syncDirectory();
			return new Stored(size, HexFormat.of().formatHex(sha256.digest()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The move is durable only once the folder's entry is on disk too; not every platform can sync a folder. */
	private void syncDirectory() {
		try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
			folder.force(true);
		}
		catch (IOException | UnsupportedOperationException e) {
			// Windows cannot open a folder as a channel; the move itself has happened.
		}
	}

	private static void deleteUnlessCommitted(Path... files) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				for (Path file : files) {
					try {
						if (status != STATUS_COMMITTED || file.getFileName().toString().endsWith(".tmp")) {
							Files.deleteIfExists(file);
						}
					}
					catch (IOException e) {
						// An orphan file is harmless: no row names it, so nobody can download it.
					}
				}
			}
		});
	}

	// ---- reading

	/** The matter's attachments, oldest first, for a staff member who can see the matter. */
	@Transactional(readOnly = true)
	public List<Attachment> list(CurrentStaff staff, long matterId) {
		desk.details(staff, matterId);
		return of(matterId);
	}

	/** The matter's attachments, for a caller that has already checked the matter is visible. */
	@Transactional(readOnly = true)
	public List<Attachment> of(long matterId) {
		return jdbc.sql("""
				SELECT id, matter_id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
				FROM matter_attachment WHERE matter_id = :matterId ORDER BY id
				""").param("matterId", matterId).query((rs, row) -> attachment(rs)).list();
	}

	/** One attachment to download, audited; 404 unless the staff member can see its matter. */
	@Transactional
	public AttachmentDownload download(CurrentStaff staff, long matterId, long attachmentId) {
		desk.details(staff, matterId);
		record Row(Attachment attachment, String storedName) {
		}
		Row row = jdbc.sql("""
				SELECT id, matter_id, stored_name, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
				FROM matter_attachment WHERE id = :id AND matter_id = :matterId
				""")
			.param("id", attachmentId)
			.param("matterId", matterId)
			.query((rs, n) -> new Row(attachment(rs), rs.getString("stored_name")))
			.optional()
			.orElseThrow(() -> new NotFoundException("matters-attachments.notFound"));
		Path file = directory.resolve(row.storedName());
		if (!Files.isRegularFile(file)) {
			throw new NotFoundException("matters-attachments.notFound");
		}
		audit.record(new AuditRecord(MODULE, "attachment.download", "attachment",
				String.valueOf(row.attachment().id()), null, auditView(row.attachment())));
		return new AttachmentDownload(row.attachment(), file);
	}

	private static Attachment attachment(ResultSet rs) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("matter_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
	}

	private static Map<String, Object> auditView(Attachment attachment) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("matterId", attachment.matterId());
		view.put("fileName", attachment.fileName());
		view.put("contentType", attachment.contentType());
		view.put("size", attachment.size());
		view.put("sha256", attachment.sha256());
		return view;
	}

	/**
	 * The uploaded name fit for display: no folders, no control or bidirectional-override characters, at most
	 * 200 characters. It is never used as a path.
	 */
	static String displayName(String original) {
		if (original == null) {
			return "";
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		if (result.length() > NAME_LENGTH) {
			result = result.substring(result.length() - NAME_LENGTH);
		}
		return result;
	}

}
