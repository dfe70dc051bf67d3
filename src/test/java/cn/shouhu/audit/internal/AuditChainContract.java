package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import cn.shouhu.audit.internal.ChainVerification.Problem;

/**
 * The chain's guarantees against a real database: what is appended verifies; the database refuses UPDATE,
 * DELETE and TRUNCATE; and every way an intruder who gets past the trigger can alter the table is detected at
 * the right row. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class AuditChainContract {

	AuditDatabase db;

	abstract AuditDatabase open();

	@BeforeEach
	void openDatabase() {
		db = open();
	}

	@AfterEach
	void closeDatabase() {
		db.close();
	}

	/** Ten rows: 1 and 2 alone, 3 to 5 in one transaction, 6 to 10 alone. */
	void appendTen() {
		db.append(db.event("a.1", null));
		db.append(db.event("a.2", "{\"after\":{\"name\":\"张三 😀\\n\"}}"));
		db.append(db.event("a.3", null), db.event("a.4", "{\"before\":{\"x\":1}}"), db.event("a.5", null));
		for (int i = 6; i <= 10; i++) {
			db.append(db.event("a." + i, null));
		}
	}

	@Test
	void anEmptyChainIsIntact() {
		ChainVerification result = db.verifier.verify();

		assertThat(result.intact()).isTrue();
		assertThat(result.rowsChecked()).isZero();
	}

	@Test
	void appendedRowsFormAnIntactChain() {
		appendTen();

		ChainVerification result = db.verifier.verify();

		assertThat(result.intact()).isTrue();
		assertThat(result.rowsChecked()).isEqualTo(10);
		assertThat(result.lastId()).isEqualTo(10);
		assertThat(result.lastHash()).isEqualTo(db.jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = 10",
				String.class));
		assertThat(db.jdbc.queryForList("SELECT id FROM audit_event ORDER BY id", Long.class))
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
	}

	@Test
	void storesTheInstantItHashedWhateverItsPrecision() {
		db.append(new PendingEvent(Instant.parse("2025-05-01T01:30:12.123456789Z"), "tester", null, null, "test",
				"t.x", Outcome.SUCCESS, null, null, null));

		assertThat(db.jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE id = 1",
				OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2025-05-01T01:30:12.123456Z"));
		assertThat(db.verifier.verify().intact()).isTrue();
	}

	@Test
	void aRolledBackAppendLeavesNeitherRowNorGap() {
		db.append(db.event("a.1", null));
		db.tx.executeWithoutResult(status -> {
			db.chain.append(List.of(db.event("rolled.back", null)));
			status.setRollbackOnly();
		});
		db.append(db.event("a.2", null));

		assertThat(db.jdbc.queryForList("SELECT action FROM audit_event ORDER BY id", String.class))
			.containsExactly("a.1", "a.2");
		assertThat(db.verifier.verify().intact()).isTrue();
	}

	@Test
	void appendingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> db.chain.append(List.of(db.event("a.1", null))))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theDatabaseRefusesUpdate() {
		appendTen();

		assertThatThrownBy(() -> db.jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE id = 4"))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThat(db.jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = 4", String.class))
			.isEqualTo("tester");
	}

	@Test
	void theDatabaseRefusesDelete() {
		appendTen();

		assertThatThrownBy(() -> db.jdbc.update("DELETE FROM audit_event WHERE id = 4"))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> db.jdbc.update("DELETE FROM audit_event")).isInstanceOf(DataAccessException.class);
		assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(10);
	}

	@Test
	void theDatabaseRefusesTruncate() {
		appendTen();

		assertThatThrownBy(() -> db.jdbc.execute("TRUNCATE TABLE audit_event"))
			.isInstanceOf(DataAccessException.class);
		assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(10);
	}

	@Test
	void anEditedRowIsFoundByItsId() {
		appendTen();
		db.disableAppendOnly();
		db.jdbc.update("UPDATE audit_event SET detail = '{\"before\":{\"x\":2}}' WHERE id = 4");

		ChainVerification result = db.verifier.verify();

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenId()).isEqualTo(4);
		assertThat(result.problem()).isEqualTo(Problem.CONTENT_CHANGED);
		assertThat(result.rowsChecked()).isEqualTo(3);
	}

	@Test
	void anEditedTimeIsFound() {
		appendTen();
		db.disableAppendOnly();
		db.jdbc.update("UPDATE audit_event SET occurred_at = occurred_at - INTERVAL '1' HOUR WHERE id = 7");

		ChainVerification result = db.verifier.verify();

		assertThat(result.firstBrokenId()).isEqualTo(7);
		assertThat(result.problem()).isEqualTo(Problem.CONTENT_CHANGED);
	}

	@Test
	void anEditedAndRehashedRowBreaksTheLinkToTheNext() {
		appendTen();
		db.disableAppendOnly();
		AuditEvent row = row(4);
		AuditEvent forged = new AuditEvent(4, row.occurredAt(), "mallory", row.actorUnitId(), row.ip(), row.module(),
				row.action(), row.outcome(), row.targetType(), row.targetId(), row.detail(), row.prevHash(), null);
		db.jdbc.update("UPDATE audit_event SET actor = 'mallory', hash = ? WHERE id = 4", forged.expectedHash());

		ChainVerification result = db.verifier.verify();

		assertThat(result.firstBrokenId()).isEqualTo(5);
		assertThat(result.problem()).isEqualTo(Problem.LINK_BROKEN);
		assertThat(result.detail()).isEqualTo(4);
	}

	@Test
	void aDeletedMiddleRowIsFoundByItsId() {
		appendTen();
		db.disableAppendOnly();
		db.jdbc.update("DELETE FROM audit_event WHERE id = 5");

		ChainVerification result = db.verifier.verify();

		assertThat(result.firstBrokenId()).isEqualTo(5);
		assertThat(result.problem()).isEqualTo(Problem.ROWS_MISSING);
		assertThat(result.detail()).isEqualTo(5);
		assertThat(result.rowsChecked()).isEqualTo(4);
	}

	@Test
	void deletedRowsWithRenumberedSuccessorsStillBreakTheLink() {
		appendTen();
		db.disableAppendOnly();
		db.jdbc.update("UPDATE audit_chain_head SET last_id = NULL");
		db.jdbc.update("DELETE FROM audit_event WHERE id = 5");
		db.jdbc.update("UPDATE audit_event SET id = id - 1 WHERE id > 5");
		db.jdbc.update("UPDATE audit_chain_head SET last_id = 9");

		ChainVerification result = db.verifier.verify();

		assertThat(result.firstBrokenId()).isEqualTo(5);
		assertThat(result.problem()).isEqualTo(Problem.LINK_BROKEN);
	}

	@Test
	void aChangedChainHeadIsFound() {
		appendTen();
		db.jdbc.update("UPDATE audit_chain_head SET last_hash = ?", "f".repeat(64));

		ChainVerification result = db.verifier.verify();

		assertThat(result.firstBrokenId()).isEqualTo(10);
		assertThat(result.problem()).isEqualTo(Problem.HEAD_MISMATCH);
	}

	@Test
	void aForgedRowPastTheHeadIsFound() {
		appendTen();
		AuditEvent last = row(10);
		AuditEvent forged = new AuditEvent(11, last.occurredAt(), "mallory", null, null, "test", "a.forged",
				Outcome.SUCCESS, null, null, null, last.hash(), null);
		db.jdbc.update("""
				INSERT INTO audit_event (id, occurred_at, actor, module, action, outcome, prev_hash, hash)
				VALUES (11, ?, 'mallory', 'test', 'a.forged', 'SUCCESS', ?, ?)""",
				OffsetDateTime.ofInstant(last.occurredAt(), ZoneOffset.UTC), last.hash(),
				forged.expectedHash());

		ChainVerification result = db.verifier.verify();

		assertThat(result.firstBrokenId()).isEqualTo(11);
		assertThat(result.problem()).isEqualTo(Problem.HEAD_MISMATCH);
	}

	@Test
	void aDeletedTailWithAMovedHeadIsFoundByAnAnchor() {
		appendTen();
		ChainVerification before = db.verifier.verify();
		ChainVerifier.Anchor anchor = ChainVerifier.Anchor.parse(before.lastId() + ":" + before.lastHash());
		db.disableAppendOnly();
		db.jdbc.update("UPDATE audit_chain_head SET last_id = 9, last_hash = ?", row(9).hash());
		db.jdbc.update("DELETE FROM audit_event WHERE id = 10");

		ChainVerification result = db.verifier.verify(anchor);

		assertThat(result.firstBrokenId()).isEqualTo(10);
		assertThat(result.problem()).isEqualTo(Problem.ANCHOR_MISMATCH);
		assertThat(db.verifier.verify(ChainVerifier.Anchor.parse("3:" + row(3).hash())).intact()).isTrue();
	}

	@Test
	void aDeletedTailBehindTheHeadIsFound() {
		appendTen();
		db.disableAppendOnly();
		// The head's foreign key protects its own row; an intruder must drop it as well.
		db.jdbc.execute("ALTER TABLE audit_chain_head DROP CONSTRAINT fk_audit_chain_head_last");
		db.jdbc.update("DELETE FROM audit_event WHERE id >= 9");

		ChainVerification result = db.verifier.verify();

		assertThat(result.firstBrokenId()).isEqualTo(9);
		assertThat(result.problem()).isEqualTo(Problem.ROWS_MISSING);
		assertThat(result.detail()).isEqualTo(10);
	}

	@Test
	void concurrentWritersKeepOneUnbrokenChain() throws Exception {
		int threads = 4;
		int perThread = 50;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit((Callable<Void>) () -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						db.append(db.event("t" + thread + "." + i, null));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		ChainVerification result = db.verifier.verify();

		assertThat(result.intact()).isTrue();
		assertThat(result.rowsChecked()).isEqualTo(threads * perThread);
		assertThat(db.jdbc.queryForObject("SELECT COUNT(DISTINCT prev_hash) FROM audit_event", Long.class))
			.isEqualTo(threads * perThread);
	}

	AuditEvent row(long id) {
		return db.jdbc.queryForObject("SELECT * FROM audit_event WHERE id = ?", (rs, n) -> ChainVerifier.read(rs),
				id);
	}

}
