package cn.shouhu.failure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * {@code kill -9} during a load on the embedded default: an H2 file written with WRITE_DELAY=0. The check reads
 * the file after the restarted application has stopped, since an H2 file has one owner at a time.
 */
class KillDuringLoadOnH2Test extends KillDuringLoadContract {

	@Override
	List<String> databaseArguments() {
		return List.of("--shouhu.data-dir=" + workDir.resolve("data"));
	}

	@Override
	Connection connect() throws Exception {
		return DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data").resolve("shouhu").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", "sa", "");
	}

	@Override
	String databaseName() {
		return "H2 file";
	}

}
