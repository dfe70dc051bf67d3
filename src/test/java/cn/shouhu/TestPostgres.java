package cn.shouhu;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * PostgreSQL for tests. Tests that need it run whenever a server is reachable (by default 127.0.0.1:5432, user
 * postgres, trust auth); without one they are skipped with a message, unless SHOUHU_REQUIRE_POSTGRES=true (as in
 * CI), which turns a missing server into a failure. Each test JVM creates its own database, named
 * {@code shouhu_test_<epoch seconds>_<random>}, and drops it at exit; databases of that name left by a killed
 * run more than an hour ago are dropped at the next start.
 */
public final class TestPostgres {

	static final String HOST = env("SHOUHU_TEST_PG_HOST", "127.0.0.1");

	static final int PORT = Integer.parseInt(env("SHOUHU_TEST_PG_PORT", "5432"));

	public static final String USER = env("SHOUHU_TEST_PG_USER", "postgres");

	public static final String PASSWORD = env("SHOUHU_TEST_PG_PASSWORD", "");

	static final String PREFIX = "shouhu_test_";

	private static String sharedDatabase;

	private TestPostgres() {
	}

	public static boolean required() {
		return Boolean.parseBoolean(env("SHOUHU_REQUIRE_POSTGRES", "false"));
	}

	/** Whether a PostgreSQL server answers at the configured address. */
	public static boolean reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
		}
		catch (Exception e) {
			return false;
		}
		try (Connection ignored = admin()) {
			return true;
		}
		catch (SQLException e) {
			return false;
		}
	}

	public static String url(String database) {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
	}

	/** Points a Spring test context at this JVM's own PostgreSQL database. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> url(sharedDatabase()));
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	/**
	 * Points a Spring test context at a database of its own, for tests that empty tables or need a database no
	 * other test context writes to; it is dropped when the JVM exits.
	 */
	public static void registerOwnDatabase(DynamicPropertyRegistry registry) {
		String database = createDatabase();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(database), "drop-" + database));
		registry.add("spring.datasource.url", () -> url(database));
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	/** This JVM's database, created on first use and dropped when the JVM exits. */
	public static synchronized String sharedDatabase() {
		if (sharedDatabase == null) {
			sharedDatabase = createDatabase();
			String name = sharedDatabase;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(name), "drop-" + name));
		}
		return sharedDatabase;
	}

	/** A new empty database; the caller drops it with {@link #dropDatabase(String)}. */
	public static String createDatabase() {
		if (!reachable()) {
			throw new IllegalStateException("PostgreSQL is required (SHOUHU_REQUIRE_POSTGRES=true) but not reachable at "
					+ HOST + ":" + PORT);
		}
		dropStaleDatabases();
		String name = PREFIX + (System.currentTimeMillis() / 1000) + "_"
				+ Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
		execute("CREATE DATABASE " + name);
		return name;
	}

	public static void dropDatabase(String name) {
		if (!name.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a test database: " + name);
		}
		try {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (RuntimeException e) {
			System.err.println("Could not drop test database " + name + ": " + e.getMessage());
		}
	}

	private static void dropStaleDatabases() {
		long hourAgo = System.currentTimeMillis() / 1000 - 3600;
		List<String> stale = new ArrayList<>();
		try (Connection connection = admin(); Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
			while (rows.next()) {
				String name = rows.getString(1);
				String[] parts = name.substring(PREFIX.length()).split("_");
				try {
					if (Long.parseLong(parts[0]) < hourAgo) {
						stale.add(name);
					}
				}
				catch (NumberFormatException e) {
					// Not one of ours: leave it.
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		stale.forEach(TestPostgres::dropDatabase);
	}

	private static void execute(String sql) {
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	private static Connection admin() throws SQLException {
		DriverManager.setLoginTimeout(2);
		return DriverManager.getConnection(url("postgres"), USER, PASSWORD);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
