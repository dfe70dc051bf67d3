package cn.shouhu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.organization.internal.Roster;
import cn.shouhu.shared.Role;

/** The organisation's changes land in the real audit trail: the system's setup and a staff member's edit. */
// A context (and so an in-memory database) of its own: the test creates the branch root, of which there is one.
@SpringBootTest(properties = "shouhu.test.context=organization-audit")
class OrganizationAuditTest {

	@Autowired
	OrganizationSetup setup;

	@Autowired
	Roster roster;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		StaffLogin.signOut();
	}

	@Test
	void setupAndStaffChangesAreAuditedWithTheirActorAndValues() {
		long root = setup.createUnit(null, "审计测试分局", UnitType.BRANCH, 0);
		long station = setup.createUnit(root, "审计测试派出所", UnitType.STATION, 0);
		setup.setJurisdiction(station, List.of("沼潭社区"), List.of());
		long officer = setup.createOfficer("700001", "张伟", station, null, false);

		StaffLogin.signIn(root, Role.SYSTEM_ADMIN);
		roster.edit(officer, 0, new Roster.OfficerChanges("700001", "张伟", "社区民警", true));

		List<Map<String, Object>> events = jdbc
			.sql("SELECT actor, action, target_id, detail FROM audit_event WHERE module = 'organization' ORDER BY id")
			.query()
			.listOfRows();
		assertThat(events).extracting(e -> e.get("action"))
			.containsExactly("unit.create", "unit.create", "unit.jurisdiction", "officer.create", "officer.update");
		// Outside a request the setup is audited as 'system'; a test's mock request makes it 'anonymous'.
		assertThat(events.get(0).get("actor")).isIn("system", "anonymous");
		assertThat(events.get(4).get("actor")).isEqualTo("test-system_admin-" + root);
		assertThat(events.get(4).get("target_id")).isEqualTo(String.valueOf(officer));
		assertThat((String) events.get(4).get("detail")).contains("社区民警").contains("700001");
	}

}
