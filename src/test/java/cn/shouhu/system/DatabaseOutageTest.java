package cn.shouhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

	@Test
	void anUnreachableDatabaseIsAnOutageHoweverDeepItsCause() {
		assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("pool empty",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
		assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection")))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new IllegalStateException("wrapped",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
		assertThat(DatabaseOutage.causedBy(new InternalAuthenticationServiceException("lookup failed",
				new DataAccessResourceFailureException("PreparedStatementCallback")))).isTrue();
		assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command",
				"57P01"))).isTrue();
	}

	@Test
	void aRollbackThatFailsOnTheBrokenConnectionStillShowsTheOutageItHid() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("I/O error"));
		assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
	}

	@Test
	void aCommitWhoseRollbackFailedTooIsAnOutageThoughItsOwnErrorIsLost() {
		// What Spring throws when the connection breaks during the commit: the rollback's failure, nothing else.
		assertThat(DatabaseOutage.causedBy(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")))).isTrue();
	}

	@Test
	void otherFailuresAreNoOutage() {
		assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new IllegalStateException("no cause"))).isFalse();
	}

}
