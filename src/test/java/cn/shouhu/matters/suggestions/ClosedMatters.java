package cn.shouhu.matters.suggestions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matters straight into the table, for the tests of what reads them (training data, duplicates): only the columns
 * those read, with the rest at their simplest valid values. The loop itself is tested in the matters module.
 */
final class ClosedMatters {

	private static final AtomicLong CODES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private ClosedMatters() {
	}

	static long insert(JdbcClient jdbc, String state, String category, String title, String description,
			String address, String community, Instant receivedAt, Instant closedAt) {
		long id = jdbc.sql("SELECT nextval('matter_id_seq')").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO matter (id, tracking_code, channel, kind, category_code, urgency, state, title, description,
				    place_address, place_community, submitter_anonymous, received_at, closed_at, updated_at)
				VALUES (:id, :code, 'PHONE', 'COMPLAINT', :category, 'NORMAL', :state, :title, :description,
				    :address, :community, TRUE, :receivedAt, :closedAt, :receivedAt)""")
			.param("id", id)
			.param("code", code())
			.param("category", category)
			.param("state", state)
			.param("title", title)
			.param("description", description)
			.param("address", address)
			.param("community", community)
			.param("receivedAt", OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
			.param("closedAt", closedAt == null ? null : OffsetDateTime.ofInstant(closedAt, ZoneOffset.UTC))
			.update();
		return id;
	}

	static long closed(JdbcClient jdbc, String category, String title, String description, Instant closedAt) {
		return insert(jdbc, "CLOSED", category, title, description, null, null, closedAt.minusSeconds(86_400),
				closedAt);
	}

	/** A unique 12-character tracking code from the allowed alphabet. */
	private static String code() {
		String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
		long n = CODES.incrementAndGet();
		StringBuilder code = new StringBuilder("T");
		for (int i = 0; i < 11; i++) {
			code.append(alphabet.charAt((int) (n % alphabet.length())));
			n /= alphabet.length();
		}
		return code.toString();
	}

}
