package cn.shouhu.matters.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.Receipt;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;

/**
 * Intake over the API, made safe to retry: the matter and its {@code Idempotency-Key} are written in one
 * transaction, and the key's primary key (per account) lets only one of two concurrent requests with one key
 * commit. The loser's transaction, matter and audit record included, rolls back, and it answers with the
 * winner's matter. A request that fails (bad input, no permission) stores no key.
 */
@Service
class IdempotentIntake {

	static final String HEADER = "Idempotency-Key";

	/** Printable ASCII without spaces: a UUID, a ULID or the client's own request id. */
	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

	/** How long a loser waits for the winner's row to become visible (H2 reports a lock timeout, not a duplicate). */
	private static final int WAIT_ATTEMPTS = 50;

	private final MatterDesk desk;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentIntake(MatterDesk desk, JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json,
			Clock clock) {
		this.desk = desk;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/** The matter this request created, or the one an earlier request with the same key and body created. */
	record Outcome(long matterId, boolean replayed) {
	}

	private record StoredKey(String requestHash, long matterId) {
	}

	Outcome create(CurrentStaff staff, String key, CreateMatterRequest request) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw InvalidInputException.onField(HEADER, "matters-api.idempotency.key");
		}
		String hash = hash(request);
		Optional<StoredKey> earlier = find(staff.accountId(), key);
		if (earlier.isPresent()) {
			return replay(earlier.get(), hash);
		}
		try {
			long matterId = transaction.execute(status -> {
				Receipt receipt = desk.intake(staff, request.toIntake());
				jdbc.sql("""
						INSERT INTO matter_api_idempotency (account_id, idempotency_key, request_hash, matter_id,
						                                    created_at)
						VALUES (:account, :key, :hash, :matter, :at)
						""")
					.param("account", staff.accountId())
					.param("key", key)
					.param("hash", hash)
					.param("matter", receipt.id())
					.param("at", Timestamp.from(clock.instant()))
					.update();
				return receipt.id();
			});
			return new Outcome(matterId, false);
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
			// Another request with this key committed first (or still holds the key's row): answer with its matter.
			return replay(awaitWinner(staff.accountId(), key).orElseThrow(() -> e), hash);
		}
	}

	private Outcome replay(StoredKey stored, String hash) {
		if (!stored.requestHash().equals(hash)) {
			throw InvalidInputException.onField(HEADER, "matters-api.idempotency.mismatch");
		}
		return new Outcome(stored.matterId(), true);
	}

	private Optional<StoredKey> awaitWinner(long accountId, String key) {
		for (int attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
			Optional<StoredKey> stored = find(accountId, key);
			if (stored.isPresent()) {
				return stored;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private Optional<StoredKey> find(long accountId, String key) {
		return jdbc.sql("""
				SELECT request_hash, matter_id FROM matter_api_idempotency
				WHERE account_id = :account AND idempotency_key = :key
				""")
			.param("account", accountId)
			.param("key", key)
			.query((rs, row) -> new StoredKey(rs.getString("request_hash").strip(), rs.getLong("matter_id")))
			.optional();
	}

	/** SHA-256 of the request as JSON: insignificant whitespace and the order of the sender's fields do not count. */
	private String hash(CreateMatterRequest request) {
		try {
			byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

}
