package cn.shouhu.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.PublicMatter;
import cn.shouhu.matters.PublicMatterQuery;
import cn.shouhu.matters.PublicMatters;
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

	/**
	 * What a POST hands back.
	 *
	 * @param pin the PIN of an anonymous tip-off, only in the answer that filed it (the database keeps its hash)
	 */
	/** A filed request; {@code replayed} when an Idempotency-Key found the request a previous POST filed. */
	record Filed(long matterId, String trackingCode, String pin, String token, String accountId, boolean anonymous,
			boolean replayed) {
	}

	/** A request an app filed, as the app may read it back. */
	record AppRequest(PublicMatter matter, String addressId) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MatterDesk desk;

	private final PublicMatters publicMatters;

	private final ServiceCatalog catalog;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final MessageSource messages;

	private final Clock clock;

	Open311Requests(MatterDesk desk, PublicMatters publicMatters, ServiceCatalog catalog, JdbcClient jdbc, TransactionTemplate transaction,
			MessageSource messages, Clock clock) {
		this.desk = desk;
		this.publicMatters = publicMatters;
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
			if (key == null) {
				throw e;
			}
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
		return new Filed(receipt.id(), receipt.trackingCode(), receipt.pin(), token, submission.accountId(),
				submission.anonymous(), false);
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
				long matterId = rs.getLong("matter_id");
				String trackingCode = publicMatters.byId(matterId).map(PublicMatter::trackingCode).orElse(null);
				// The PIN of an anonymous tip-off was shown in the first answer only: it cannot be shown again.
				return new Filed(matterId, trackingCode, null, rs.getString("token"), rs.getString("account_id"),
						rs.getBoolean("anonymous"), true);
			})
			.optional();
	}

	/**
	 * The requests this app filed that match the filter, newest first, at most {@link RequestFilter#MAX_RESULTS}.
	 * The app's own ids come from {@code open311_request}, then the matters are read in chunks of ids so that the
	 * other filters (category, status) still find up to the maximum.
	 */
	@Transactional(readOnly = true)
	List<AppRequest> find(App app, RequestFilter filter) {
		Map<Long, String> filed = filedBy(app, filter);
		List<Long> ids = new ArrayList<>(filed.keySet());
		List<AppRequest> found = new ArrayList<>();
		for (int start = 0; start < ids.size() && found.size() < RequestFilter.MAX_RESULTS;
				start += RequestFilter.MAX_RESULTS) {
			List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + RequestFilter.MAX_RESULTS));
			publicMatters
				.find(new PublicMatterQuery(chunk, filter.serviceCodes(), filter.from(), filter.to(), filter.status(),
						RequestFilter.MAX_RESULTS - found.size()))
				.forEach(matter -> found.add(new AppRequest(matter, filed.get(matter.id()))));
		}
		found.sort(Comparator.comparing((AppRequest request) -> request.matter().receivedAt())
			.thenComparing(request -> request.matter().id())
			.reversed());
		return found;
	}

	/** One request this app filed; empty for an unknown id and for another app's request alike. */
	@Transactional(readOnly = true)
	Optional<AppRequest> one(App app, long matterId) {
		return jdbc.sql("SELECT address_id FROM open311_request WHERE matter_id = :id AND api_key_id = :key")
			.param("id", matterId)
			.param("key", app.keyId())
			.query((rs, n) -> Optional.ofNullable(rs.getString("address_id")))
			.optional()
			.flatMap(addressId -> publicMatters.byId(matterId).map(matter -> new AppRequest(matter, addressId.orElse(null))));
	}

	/** The app's matter ids (newest first) with the address id it sent, by id list or by time filed. */
	private Map<Long, String> filedBy(App app, RequestFilter filter) {
		Map<Long, String> filed = new LinkedHashMap<>();
		if (!filter.ids().isEmpty()) {
			jdbc.sql("""
					SELECT matter_id, address_id FROM open311_request
					 WHERE api_key_id = :key AND matter_id IN (:ids)
					 ORDER BY requested_at DESC, matter_id DESC
					""")
				.param("key", app.keyId())
				.param("ids", filter.ids())
				.query(rs -> {
					filed.put(rs.getLong("matter_id"), rs.getString("address_id"));
				});
			return filed;
		}
		// A little wider than the filter: the matter's own receipt time, which the reader filters on, is the
		// instant of the same transaction, a moment before this row's.
		jdbc.sql("""
				SELECT matter_id, address_id FROM open311_request
				 WHERE api_key_id = :key AND requested_at >= :from AND requested_at < :to
				 ORDER BY requested_at DESC, matter_id DESC
				""")
			.param("key", app.keyId())
			.param("from", Timestamp.from(filter.from().minusSeconds(60)))
			.param("to", Timestamp.from(filter.to().plusSeconds(60)))
			.query(rs -> {
				filed.put(rs.getLong("matter_id"), rs.getString("address_id"));
			});
		return filed;
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
