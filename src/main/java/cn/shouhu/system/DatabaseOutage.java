package cn.shouhu.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached (down, restarting, the network cut) from other failures: the user
 * gets 503 with a Retry-After at once instead of a 500, and the request changed nothing, so trying again later
 * is safe.
 */
public final class DatabaseOutage {

	/** What a client is told to wait before it tries again; Hikari drops broken connections well within it. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private DatabaseOutage() {
	}

	/** Whether the exception, or one of its causes, says the database could not be reached. */
	public static boolean causedBy(Throwable e) {
		return anyCause(e, DatabaseOutage::unreachable);
	}

	private static boolean unreachable(Throwable cause) {
		if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
				|| cause instanceof TransientDataAccessResourceException
				|| cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
			return true;
		}
		if (cause instanceof TransactionSystemException) {
			// A commit or rollback that could not be completed: the connection broke under the transaction (the
			// commit's own error is lost when the rollback fails too). Whether it committed is unknown, so the
			// client is told to try again — safe with its Idempotency-Key.
			return true;
		}
		// 08: connection exception; 57P01-57P03: the server is shutting down or not yet accepting.
		return cause instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
	}

	private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (test.test(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The message key of the 503: {@code error.503.busy} when this node refused a submission at its bound
	 * ({@link SubmissionGate}), {@code error.503.database} otherwise.
	 */
	public static String messageKey(Throwable e) {
		return busy(e) ? "error.503.busy" : "error.503.database";
	}

	/**
	 * Logs a 503: a warning when the database is away; a refusal at the submission bound only at debug, as a burst
	 * brings thousands of them.
	 */
	public static void logAnswered(Logger log, Throwable e) {
		if (busy(e)) {
			log.debug("Busy: answered 503 ({})", e.getMessage());
		}
		else {
			log.warn("Database unreachable: answered 503 ({})", e.getMessage());
		}
	}

	private static boolean busy(Throwable e) {
		return anyCause(e, SubmissionGate.Busy.class::isInstance);
	}

}
