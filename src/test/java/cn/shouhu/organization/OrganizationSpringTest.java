package cn.shouhu.organization;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Base of the organisation module's Spring tests: the whole application on the test profile's in-memory H2 in
 * PostgreSQL mode (no demo data), emptied before each test, with the audit trail replaced by a recorder.
 */
@SpringBootTest
@Import(CapturingAuditTrail.Config.class)
@RecordApplicationEvents
public abstract class OrganizationSpringTest {

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected OrganizationSetup setup;

	@Autowired
	protected CapturingAuditTrail audit;

	@BeforeEach
	void emptyTheOrganisation() {
		StaffLogin.signOut();
		jdbc.sql("DELETE FROM account_role").update();
		jdbc.sql("DELETE FROM account").update();
		jdbc.sql("DELETE FROM officer").update();
		jdbc.sql("DELETE FROM unit_jurisdiction").update();
		jdbc.sql("UPDATE unit SET parent_id = NULL").update();
		jdbc.sql("DELETE FROM unit").update();
		audit.clear();
	}

	@AfterEach
	void signOut() {
		StaffLogin.signOut();
	}

	protected long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	protected String path(long unitId) {
		return jdbc.sql("SELECT path FROM unit WHERE id = :id").param("id", unitId).query(String.class).single();
	}

	/** A small branch: two stations, each with a team, and an external agency. */
	protected Branch branch() {
		long root = setup.createUnit(null, "昆都仑区分局", UnitType.BRANCH, 0);
		long zhaotan = setup.createUnit(root, "沼潭派出所", UnitType.STATION, 10);
		long zhaotanTeam = setup.createUnit(zhaotan, "社区警务队", UnitType.TEAM, 1);
		long minzu = setup.createUnit(root, "民族东路派出所", UnitType.STATION, 20);
		long minzuTeam = setup.createUnit(minzu, "社区警务队", UnitType.TEAM, 1);
		long fire = setup.createUnit(root, "119消防救援", UnitType.EXTERNAL_AGENCY, 90);
		audit.clear();
		return new Branch(root, zhaotan, zhaotanTeam, minzu, minzuTeam, fire);
	}

	protected record Branch(long root, long zhaotan, long zhaotanTeam, long minzu, long minzuTeam, long fire) {
	}

}
