package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shouhu.audit.AuditCommandLine;

/** {@code java -jar shouhu.jar audit-verify}: the printed result and the exit status a script can test. */
class VerifyCommandTest {

	AuditDatabase db;

	Locale locale;

	ByteArrayOutputStream out = new ByteArrayOutputStream();

	ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void database() {
		locale = Locale.getDefault();
		Locale.setDefault(Locale.ENGLISH);
		db = AuditDatabase.h2();
		for (int i = 1; i <= 5; i++) {
			db.append(db.event("cli." + i, null));
		}
	}

	@AfterEach
	void close() {
		db.close();
		Locale.setDefault(locale);
	}

	@Test
	void recognisesTheCommand() {
		assertThat(AuditCommandLine.isRequested(new String[] { "audit-verify" })).isTrue();
		assertThat(AuditCommandLine.isRequested(new String[] { "--spring.profiles.active=postgres", "audit-verify" }))
			.isTrue();
		assertThat(AuditCommandLine.isRequested(new String[] { "--server.port=9090" })).isFalse();
		assertThat(AuditCommandLine.isRequested(new String[0])).isFalse();
	}

	@Test
	void anIntactChainExitsZeroAndPrintsItsEnd() {
		int status = run("audit-verify");

		assertThat(status).isEqualTo(AuditCommandLine.INTACT);
		assertThat(out()).contains("intact", "5 rows", "5:" + db.verifier.verify().lastHash());
	}

	@Test
	void aBrokenChainExitsOneAndNamesTheRow() {
		db.disableAppendOnly();
		db.jdbc.update("DELETE FROM audit_event WHERE id = 3");

		int status = run("audit-verify");

		assertThat(status).isEqualTo(AuditCommandLine.BROKEN);
		assertThat(out()).contains("BROKEN at row 3", "Rows 3 to 3 are missing");
	}

	@Test
	void aMatchingAnchorPassesAndAForeignOneFails() {
		String hash = db.verifier.verify().lastHash();

		assertThat(run("audit-verify", "--anchor=5:" + hash)).isEqualTo(AuditCommandLine.INTACT);
		assertThat(run("audit-verify", "--anchor=5:" + "0".repeat(64))).isEqualTo(AuditCommandLine.BROKEN);
		assertThat(run("audit-verify", "--anchor=five")).isEqualTo(AuditCommandLine.FAILED);
	}

	@Test
	void aDatabaseWithoutTheTrailExitsTwo() {
		int status = VerifyCommand.run(new String[] { "audit-verify",
				"--spring.datasource.url=jdbc:h2:mem:no_audit_here;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"--spring.datasource.username=sa" }, new PrintStream(out), new PrintStream(err));

		assertThat(status).isEqualTo(AuditCommandLine.FAILED);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Could not verify");
	}

	private int run(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--spring.datasource.url=" + db.url();
		all[args.length + 1] = "--spring.datasource.username=sa";
		return VerifyCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

}
