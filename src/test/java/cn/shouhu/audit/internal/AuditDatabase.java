package cn.shouhu.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.TestPostgres;

/**
 * A fresh database with every migration applied, for tests that exercise the chain against a real database:
 * an in-memory H2 in PostgreSQL mode, or a throw-away PostgreSQL database of its own (from {@link TestPostgres})
 * that {@link #close()} drops.
 */
final class AuditDatabase implements AutoCloseable {

	private final HikariDataSource dataSource;

	private final String pgDatabase;

	final boolean postgres;

	final JdbcTemplate jdbc;

	final JdbcTransactionManager transactions;

	final TransactionTemplate tx;

	final AuditChain chain;

	final ChainVerifier verifier;

	private AuditDatabase(String url, String user, String password, String vendor, String pgDatabase) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(url);
		this.dataSource.setUsername(user);
		this.dataSource.setPassword(password);
		this.dataSource.setMaximumPoolSize(8);
		this.pgDatabase = pgDatabase;
		this.postgres = pgDatabase != null;
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.load()
			.migrate();
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new JdbcTransactionManager(dataSource);
		this.tx = new TransactionTemplate(transactions);
		this.chain = new AuditChain(dataSource, transactions);
		this.verifier = new ChainVerifier(dataSource, transactions);
	}

	static AuditDatabase h2() {
		return new AuditDatabase("jdbc:h2:mem:audit_" + UUID.randomUUID().toString().replace("-", "")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "",
				"h2", null);
	}

	static AuditDatabase postgres() {
		String name = TestPostgres.createDatabase();
		return new AuditDatabase(TestPostgres.url(name), TestPostgres.USER, TestPostgres.PASSWORD, "postgresql", name);
	}

	DataSource dataSource() {
		return dataSource;
	}

	String url() {
		return dataSource.getJdbcUrl();
	}

	/** Lets a test tamper with audit_event as an intruder with database rights would. */
	void disableAppendOnly() {
		if (postgres) {
			jdbc.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
		}
		else {
			jdbc.execute("DROP TRIGGER audit_event_append_only");
		}
	}

	PendingEvent event(String action, String detail) {
		return new PendingEvent(Instant.now(), "tester", 3L, "10.0.0.1", "test", action, Outcome.SUCCESS,
				"thing", "1", detail);
	}

	void append(PendingEvent... events) {
		tx.executeWithoutResult(status -> chain.append(List.of(events)));
	}

	@Override
	public void close() {
		if (postgres) {
			dataSource.close();
			TestPostgres.dropDatabase(pgDatabase);
		}
		else {
			jdbc.execute("SHUTDOWN");
			dataSource.close();
		}
	}

}
