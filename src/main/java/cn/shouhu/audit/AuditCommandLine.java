package cn.shouhu.audit;

import java.util.Arrays;

import cn.shouhu.audit.internal.VerifyCommand;

/**
 * {@code java -jar shouhu.jar audit-verify [--anchor=ID:HASH]}: verifies the audit chain in the configured database,
 * prints the result and exits 0 if the chain is intact, 1 if it is broken, 2 if it could not be checked. It starts
 * only a connection pool — no web server, no migrations, no scheduled work — so it is safe to run beside the
 * application on PostgreSQL. ({@code ShouhuApplication.main} hands the arguments here first.)
 */
public final class AuditCommandLine {

	public static final String COMMAND = "audit-verify";

	public static final int INTACT = 0;

	public static final int BROKEN = 1;

	public static final int FAILED = 2;

	private AuditCommandLine() {
	}

	public static boolean isRequested(String[] args) {
		return args != null && Arrays.asList(args).contains(COMMAND);
	}

	/** Runs the verification; the caller exits the JVM with the returned status. */
	public static int verify(String[] args) {
		return VerifyCommand.run(args, System.out, System.err);
	}

}
