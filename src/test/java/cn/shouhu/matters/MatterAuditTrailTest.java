package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/** The desk with the real, hash-chained audit trail: the records are written and hold no personal data. */
@SpringBootTest
class MatterAuditTrailTest {

	@Autowired
	MatterDesk desk;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyActionIsInTheTrailWithThePersonalDataMasked() {
		long branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		long station = organization.createUnit(branch, "审计派出所", UnitType.STATION, 1);
		CurrentStaff clerk = new CurrentStaff(1, "clerk", 1, "受理员", branch, "分局", EnumSet.of(Role.INTAKE_CLERK));
		CurrentStaff handler = new CurrentStaff(2, "handler", 2, "承办人", station, "派出所", EnumSet.of(Role.HANDLER));

		long id = desk.intake(clerk, new Intake(Channel.PHONE, MatterKind.COMPLAINT, "PUBLIC_ORDER", null, "噪音扰民",
				"楼下商铺夜间施工。", null, new Submitter(false, "钱女士", "13647211234", "11010519491231002X", null, null)))
			.id();
		desk.dispatch(clerk, id, 0, new Dispatch("PUBLIC_ORDER", null, station, List.of(), null));
		desk.sign(handler, id, 1);

		String where = " FROM audit_event WHERE module = 'matters' AND target_type = 'matter' AND target_id = :id ORDER BY id";
		List<String> actions = jdbc.sql("SELECT action" + where).param("id", String.valueOf(id)).query(String.class).list();
		String details = String.join("\n",
				jdbc.sql("SELECT detail" + where).param("id", String.valueOf(id)).query(String.class).list());
		assertThat(actions).containsExactly("matter.create", "matter.dispatch", "matter.sign");
		assertThat(details).contains("136****1234", "110105********002X", "钱*", "SIGNED")
			.doesNotContain("13647211234", "11010519491231002X", "钱女士");
	}

}
