package cn.shouhu.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.Receipt;
import cn.shouhu.matters.Urgency;
import cn.shouhu.open311.ApiKeys.App;
import cn.shouhu.shared.InvalidInputException;

/**
 * Files the matters apps submit and remembers which app filed which ({@code open311_request}). The matter and that
 * row commit in one transaction: a request either becomes one matter the app can follow, or nothing at all.
 */
@Service
class Open311Requests {

	/** What a POST hands back. */
	record Filed(long matterId, String trackingCode, String token, String accountId, boolean anonymous) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MatterDesk desk;

	private final ServiceCatalog catalog;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final MessageSource messages;

	private final Clock clock;

	Open311Requests(MatterDesk desk, ServiceCatalog catalog, JdbcClient jdbc, TransactionTemplate transaction,
			MessageSource messages, Clock clock) {
		this.desk = desk;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Files a matter for the app. Open311 has no idempotency of its own: a POST retried after a lost answer files a
	 * second request, which staff merge as a duplicate. An app that sends an {@code Idempotency-Key} header does
	 * better: the same key with the same fields gets the first request back, and with other fields a 400.
	 */
	Filed submit(App app, Map<String, List<String>> form, String idempotencyKey, Locale locale) {
		Submission submission = Submission.parse(form);
		catalog.require(submission.serviceCode());
		if (ServiceCatalog.ENTERPRISE.equals(submission.serviceCode()) && !submission.anonymous()
				&& submission.submitter().enterpriseName() == null) {
			throw Open311Exception.badRequest("open311.error.required", "attribute[enterprise_name]");
		}
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 100) {
			throw Open311Exception.badRequest("open311.error.tooLong", "Idempotency-Key", 100);
		}
		String requestHash = key == null ? null : hash(form);
		if (key != null) {
			Optional<Filed> earlier = earlier(app, key, requestHash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		try {
			return transaction.execute(status -> file(app, submission, key, requestHash, locale));
		}
		catch (DuplicateKeyException e) {
			// The same key raced in from another connection and won; this one rolled back, matter and all.
			return earlier(app, key, requestHash).orElseThrow(() -> e);
		}
	}

	private Filed file(App app, Submission submission, String idempotencyKey, String requestHash, Locale locale) {
		Receipt receipt;
		try {
			receipt = desk.submit(new Intake(Channel.OPEN311, submission.kind(), submission.serviceCode(),
					Urgency.NORMAL, submission.title(),
					submission.matterDescription(messages.getMessage("open311.media.label", null, Locale.CHINA)),
					submission.place(), submission.submitter()));
		}
		catch (InvalidInputException e) {
			throw invalid(e, locale);
		}
		String token = newToken();
		jdbc.sql("""
				INSERT INTO open311_request (matter_id, api_key_id, token, device_id, account_id, email, address_id,
				        media_url, anonymous, idempotency_key, request_hash, requested_at)
				VALUES (:matter, :key, :token, :device, :account, :email, :addressId, :media, :anonymous, :idempotency,
				        :hash, :now)
				""")
			.param("matter", receipt.id())
			.param("key", app.keyId())
			.param("token", token)
			.param("device", submission.deviceId())
			.param("account", submission.accountId())
			.param("email", submission.email())
			.param("addressId", submission.addressId())
			.param("media", submission.mediaUrl())
			.param("anonymous", submission.anonymous())
			.param("idempotency", idempotencyKey)
			.param("hash", requestHash)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return new Filed(receipt.id(), receipt.trackingCode(), token, submission.accountId(), submission.anonymous());
	}

	private Optional<Filed> earlier(App app, String idempotencyKey, String requestHash) {
		return jdbc.sql("""
				SELECT matter_id, token, account_id, request_hash, anonymous
				  FROM open311_request
				 WHERE api_key_id = :key AND idempotency_key = :idempotency
				""")
			.param("key", app.keyId())
			.param("idempotency", idempotencyKey)
			.query((rs, n) -> {
				if (!rs.getString("request_hash").equals(requestHash)) {
					throw Open311Exception.badRequest("open311.error.idempotency");
				}
				return new Filed(rs.getLong("matter_id"), null, rs.getString("token"),
						rs.getString("account_id"), rs.getBoolean("anonymous"));
			})
			.optional();
	}

	/** The request an app filed under this token; empty for a token of another app, so tokens cannot be probed. */
	Optional<Long> matterOfToken(App app, String token) {
		return jdbc.sql("SELECT matter_id FROM open311_request WHERE token = :token AND api_key_id = :key")
			.param("token", token)
			.param("key", app.keyId())
			.query(Long.class)
			.optional();
	}

	/** The matter's rule broke: 400 naming the Open311 field (phone, attribute[title] …) the rule is about. */
	private Open311Exception invalid(InvalidInputException e, Locale locale) {
		String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
		String field = e.field() == null ? null
				: messages.getMessage("open311.field." + e.field(), null, e.field(), locale);
		return field == null ? Open311Exception.badRequest("open311.error.text", message)
				: Open311Exception.badRequest("open311.error.field", field, message);
	}

	private static String newToken() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** SHA-256 of the form's fields in name order (the api_key left out, it is the same by construction). */
	private static String hash(Map<String, List<String>> form) {
		TreeMap<String, List<String>> sorted = new TreeMap<>(form);
		sorted.remove("api_key");
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(sorted.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
