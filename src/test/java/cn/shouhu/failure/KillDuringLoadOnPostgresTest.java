package cn.shouhu.failure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/** {@code kill -9} during a load on PostgreSQL, in a database of the test's own that is dropped afterwards. */
@PostgresTest
class KillDuringLoadOnPostgresTest extends KillDuringLoadContract {

	private String database;

	@BeforeEach
	void createDatabase() {
		database = TestPostgres.createDatabase();
	}

	@AfterEach
	void dropDatabase() {
		TestPostgres.dropDatabase(database);
	}

	@Override
	List<String> databaseArguments() {
		return FailureDatabases.postgresArguments(TestPostgres.url(database));
	}

	@Override
	Connection connect() throws Exception {
		return DriverManager.getConnection(TestPostgres.url(database), TestPostgres.USER, TestPostgres.PASSWORD);
	}

	@Override
	String databaseName() {
		return "PostgreSQL";
	}

}
