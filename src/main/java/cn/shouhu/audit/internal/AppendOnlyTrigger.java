package cn.shouhu.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On H2, refuses every UPDATE and DELETE of audit_event (migration V4_1); PostgreSQL does the same with a PL/pgSQL
 * trigger. H2 instantiates this class by name, hence public.
 */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		String operation = newRow == null ? "DELETE" : "UPDATE";
		// SQLSTATE 42501 (insufficient privilege), as PostgreSQL's trigger raises.
		throw new SQLException("audit_event is append-only: " + operation + " refused", "42501");
	}

}
