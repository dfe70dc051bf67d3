package cn.shouhu.audit.internal;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database with every migration applied, for tests that exercise the chain against a real database:
 * an in-memory H2 in PostgreSQL mode, or a throw-away PostgreSQL database (shouhu_audit_test_...) that
 * {@link #close()} drops.
 */
final class AuditDatabase implements AutoCloseable {

	static final String PG_HOST = "127.0.0.1";

	static final int PG_PORT = 5432;

	private final HikariDataSource dataSource;

	private final String pgDatabase;

	final boolean postgres;

	final JdbcTemplate jdbc;

	final JdbcTransactionManager transactions;

	final TransactionTemplate tx;

	final AuditChain chain;

	final ChainVerifier verifier;

	private AuditDatabase(String url, String user, String vendor, String pgDatabase) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(url);
		this.dataSource.setUsername(user);
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
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "h2",
				null);
	}

	static AuditDatabase postgres() {
		String name = "shouhu_audit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		admin().execute("CREATE DATABASE " + name);
		return new AuditDatabase("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name, "postgres",
				"postgresql", name);
	}

	/** For {@code @EnabledIf}: PostgreSQL tests run only where a server answers on 127.0.0.1:5432. */
	static boolean postgresReachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(PG_HOST, PG_PORT), 500);
			return true;
		}
		catch (Exception e) {
			return false;
		}
	}

	DataSource dataSource() {
		return dataSource;
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
		return new PendingEvent(java.time.Instant.now(), "tester", 3L, "10.0.0.1", "test", action, Outcome.SUCCESS,
				"thing", "1", detail);
	}

	void append(PendingEvent... events) {
		tx.executeWithoutResult(status -> chain.append(java.util.List.of(events)));
	}

	@Override
	public void close() {
		if (postgres) {
			dataSource.close();
			admin().execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
		}
		else {
			jdbc.execute("SHUTDOWN");
			dataSource.close();
		}
	}

	private static JdbcTemplate admin() {
		return new JdbcTemplate(new SingleConnectionDataSource(
				"jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", "postgres", "", true));
	}

}
