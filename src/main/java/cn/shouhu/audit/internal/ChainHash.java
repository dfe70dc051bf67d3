package cn.shouhu.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over a canonical serialisation that anyone can recompute from an export.
 * <p>
 * Canonical form (format {@code shouhu-audit-v1}): the line {@code shouhu-audit-v1}, then one field per line in
 * this order: prev_hash, id, occurred_at, actor, actor_unit_id, ip, module, action, outcome, target_type,
 * target_id, detail. A field is written as its UTF-8 byte length, a colon and its text ({@code 5:alice}), or as
 * {@code ~} when null; each is followed by a line feed. occurred_at is UTC with exactly six fraction digits
 * ({@code 2025-05-01T01:30:12.123456Z}). The hash is the lower-case hex SHA-256 of those bytes. The length
 * prefix makes the form unambiguous whatever the text contains.
 */
public final class ChainHash {

	public static final String FORMAT = "shouhu-audit-v1";

	/** The previous hash of the chain's first row. */
	public static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private ChainHash() {
	}

	public static String of(long id, String prevHash, Instant occurredAt, String actor, Long actorUnitId, String ip,
			String module, String action, String outcome, String targetType, String targetId, String detail) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (detail == null ? 0 : detail.length() * 3));
		write(out, FORMAT + "\n");
		field(out, prevHash);
		field(out, Long.toString(id));
		field(out, UTC_MICROS.format(occurredAt));
		field(out, actor);
		field(out, actorUnitId == null ? null : actorUnitId.toString());
		field(out, ip);
		field(out, module);
		field(out, action);
		field(out, outcome);
		field(out, targetType);
		field(out, targetId);
		field(out, detail);
		return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
	}

	public static String utcMicros(Instant instant) {
		return UTC_MICROS.format(instant);
	}

	private static void field(ByteArrayOutputStream out, String value) {
		if (value == null) {
			write(out, "~\n");
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		write(out, bytes.length + ":");
		out.writeBytes(bytes);
		write(out, "\n");
	}

	private static void write(ByteArrayOutputStream out, String ascii) {
		out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

}
