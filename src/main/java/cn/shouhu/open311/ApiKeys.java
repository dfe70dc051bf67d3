package cn.shouhu.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/**
 * The api_keys of third-party apps. A key is 256 random bits shown once when issued; only its SHA-256 is kept, so a
 * copy of the database does not let anyone file matters in an app's name. Keys are revoked, never deleted: the
 * requests an app filed keep naming it.
 */
@Service
class ApiKeys {

	static final String MODULE = "open311";

	static final String TARGET = "open311_api_key";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Shown in the list so an administrator can tell keys apart; 8 characters reveal 48 of the 256 bits. */
	private static final int PREFIX_LENGTH = 8;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ApiKeys(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** An app's key as the list shows it. */
	record ApiKey(long id, String appName, String contact, String prefix, Instant createdAt, String createdBy,
			Instant revokedAt, String revokedBy) {

		public boolean active() {
			return revokedAt == null;
		}

	}

	/** What issuing hands back: the key in full, to be shown once and never again. */
	record IssuedKey(long id, String appName, String key) {
	}

	/** The app behind a valid key. */
	record App(long keyId, String appName) {
	}

	@Transactional
	IssuedKey issue(String appName, String contact, String issuedBy) {
		String name = required(appName, 100, "appName");
		String contactText = optional(contact, 200, "contact");
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = insert(name, contactText, key, issuedBy);
		return new IssuedKey(id, name, key);
	}

	/**
	 * Makes sure a key with this exact value exists (the demo app's fixed key); false if an administrator revoked
	 * it, which a restart must not undo.
	 */
	@Transactional
	boolean ensure(String appName, String key, String issuedBy) {
		if (authenticate(key).isPresent()) {
			return true;
		}
		if (key == null || key.strip().length() < 16) {
			throw new IllegalArgumentException("An api_key needs at least 16 characters");
		}
		String hash = hash(key.strip());
		boolean revoked = jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE key_hash = :hash")
			.param("hash", hash)
			.query(Integer.class)
			.single() > 0;
		if (revoked) {
			return false;
		}
		insert(appName, null, key.strip(), issuedBy);
		return true;
	}

	private long insert(String appName, String contact, String key, String issuedBy) {
		Instant now = clock.instant();
		String hash = hash(key);
		jdbc.sql("""
				INSERT INTO open311_api_key (app_name, contact, key_prefix, key_hash, created_at, created_by)
				VALUES (:name, :contact, :prefix, :hash, :now, :by)
				""")
			.param("name", appName)
			.param("contact", contact)
			.param("prefix", key.substring(0, PREFIX_LENGTH))
			.param("hash", hash)
			.param("now", java.sql.Timestamp.from(now))
			.param("by", issuedBy)
			.update();
		long id = idOf(hash);
		audit.record(AuditRecord.created(MODULE, TARGET, id, fields(find(id).orElseThrow())));
		return id;
	}

	private long idOf(String hash) {
		return jdbc.sql("SELECT id FROM open311_api_key WHERE key_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.single();
	}

	@Transactional
	void revoke(long id, String revokedBy) {
		ApiKey before = find(id).orElseThrow(() -> new NotFoundException("open311.key.notFound"));
		if (!before.active()) {
			return;
		}
		jdbc.sql("UPDATE open311_api_key SET revoked_at = :now, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("by", revokedBy)
			.param("id", id)
			.update();
		audit.record(AuditRecord.updated(MODULE, TARGET + ".revoke", TARGET, id, fields(before),
				fields(find(id).orElseThrow())));
	}

	@Transactional(readOnly = true)
	List<ApiKey> all() {
		return jdbc.sql("""
				SELECT id, app_name, contact, key_prefix, created_at, created_by, revoked_at, revoked_by
				  FROM open311_api_key
				 ORDER BY revoked_at DESC NULLS FIRST, id DESC
				""").query((rs, n) -> row(rs)).list();
	}

	@Transactional(readOnly = true)
	Optional<ApiKey> find(long id) {
		return jdbc.sql("""
				SELECT id, app_name, contact, key_prefix, created_at, created_by, revoked_at, revoked_by
				  FROM open311_api_key
				 WHERE id = :id
				""").param("id", id).query((rs, n) -> row(rs)).optional();
	}

	/** The app whose active key this is; empty for a missing, unknown or revoked key. */
	@Transactional(readOnly = true)
	Optional<App> authenticate(String key) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, app_name FROM open311_api_key WHERE key_hash = :hash AND revoked_at IS NULL")
			.param("hash", hash(key.strip()))
			.query((rs, n) -> new App(rs.getLong("id"), rs.getString("app_name")))
			.optional();
	}

	private static ApiKey row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ApiKey(rs.getLong("id"), rs.getString("app_name"), rs.getString("contact"),
				rs.getString("key_prefix"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
				instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"));
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** What the audit trail keeps: never the key, only its prefix. */
	private static Map<String, Object> fields(ApiKey key) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("appName", key.appName());
		fields.put("contact", key.contact());
		fields.put("prefix", key.prefix());
		fields.put("active", key.active());
		return fields;
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static String required(String text, int max, String field) {
		String value = optional(text, max, field);
		if (value == null) {
			throw InvalidInputException.onField(field, "open311.key.field.required");
		}
		return value;
	}

	private static String optional(String text, int max, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.codePointCount(0, value.length()) > max) {
			throw InvalidInputException.onField(field, "open311.key.field.tooLong", max);
		}
		return value;
	}

}
