package cn.shouhu.portal.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.Receipt;
import cn.shouhu.matters.attachments.AttachmentStore;
import cn.shouhu.portal.PortalRateLimits;

/**
 * Receives a portal submission exactly once per form token. The matter, its attachments and the token's row are
 * written in one transaction: either all of them or, if anything is refused, none. The token's primary key lets
 * only one of two concurrent submissions of the same form commit; the other rolls back (its matter, files and
 * audit records with it) and answers with the winner's receipt, as a later resend does.
 */
@Service
class Submissions {

	/** What {@link java.util.UUID#toString()} makes, which is what the form is given. */
	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** How long a loser waits for the winner's row to become visible (H2 reports a lock timeout, not a duplicate). */
	private static final int WAIT_ATTEMPTS = 50;

	/** How long an anonymous tip-off's PIN stays beside its token, for a repeated form to show it again. */
	static final Duration PIN_KEPT = Duration.ofMinutes(10);

	/** Who uploaded the files, as {@link AttachmentStore#attach} records it. */
	private static final String SUBMITTER = "submitter";

	private final MatterDesk desk;

	private final AttachmentStore attachments;

	private final PortalRateLimits limits;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Submissions(MatterDesk desk, AttachmentStore attachments, PortalRateLimits limits, JdbcClient jdbc,
			TransactionTemplate transaction, Clock clock) {
		this.desk = desk;
		this.attachments = attachments;
		this.limits = limits;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	static boolean isWellFormed(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	/** The receipt of the matter this form token already made, if it made one. */
	Optional<PortalReceipt> earlier(String token) {
		if (!isWellFormed(token)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT tracking_code, urgent, CASE WHEN used_at > :cutoff THEN pin END AS pin
				  FROM portal_form_token WHERE token = :token
				""")
			.param("token", token)
			.param("cutoff", Timestamp.from(clock.instant().minus(PIN_KEPT)))
			.query((rs, n) -> new PortalReceipt(rs.getString("tracking_code").strip(), rs.getString("pin"),
					rs.getBoolean("urgent")))
			.optional();
	}

	/**
	 * Submits the matter for this form token, or answers with the one it already made. A new matter is charged to
	 * the client's address and the phone (null when anonymous) first.
	 * @throws cn.shouhu.portal.RateLimitedException when either allowance is spent; nothing is written
	 * @throws cn.shouhu.shared.InvalidInputException when the desk or the attachment store refuses; nothing is written
	 */
	PortalReceipt submit(String token, Intake intake, List<MultipartFile> files, boolean urgent, String clientIp,
			String phone) {
		if (!isWellFormed(token)) {
			throw new IllegalArgumentException("the controller checks the token first");
		}
		Optional<PortalReceipt> earlier = earlier(token);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		limits.checkSubmission(clientIp, phone);
		forgetOldPins();
		try {
			return transaction.execute(status -> {
				attachments.check(files);
				Receipt receipt = desk.submit(intake);
				attachments.attach(receipt.id(), files, SUBMITTER);
				jdbc.sql("""
						INSERT INTO portal_form_token (token, matter_id, tracking_code, urgent, pin, used_at)
						VALUES (:token, :matter, :code, :urgent, :pin, :at)
						""")
					.param("token", token)
					.param("matter", receipt.id())
					.param("code", receipt.trackingCode())
					.param("pin", receipt.pin())
					.param("urgent", urgent)
					.param("at", Timestamp.from(clock.instant()))
					.update();
				return new PortalReceipt(receipt.trackingCode(), receipt.pin(), urgent);
			});
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
			// The same form committed first on another request: answer with its receipt.
			return awaitWinner(token).orElseThrow(() -> e);
		}
	}

	/** Erases the PINs kept longer than {@link #PIN_KEPT}: from then on only the matter's hash of it remains. */
	private void forgetOldPins() {
		jdbc.sql("UPDATE portal_form_token SET pin = NULL WHERE pin IS NOT NULL AND used_at <= :cutoff")
			.param("cutoff", Timestamp.from(clock.instant().minus(PIN_KEPT)))
			.update();
	}

	private Optional<PortalReceipt> awaitWinner(String token) {
		for (int attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
			Optional<PortalReceipt> stored = earlier(token);
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

}
