package cn.shouhu.matters;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.organization.CapturingAuditTrail;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * The matters module on the migrated test database with the real organisation and calendar: each test gets its
 * own units under the one branch (two stations, a team of the first, a brigade and a locksmith), a clock it sets
 * and an audit trail that keeps what committed.
 */
@SpringBootTest
@Import({ CapturingAuditTrail.Config.class, MatterSpringTest.Config.class })
abstract class MatterSpringTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	protected MatterDesk desk;

	@Autowired
	protected OrganizationSetup organization;

	@Autowired
	protected OrganizationDirectory directory;

	@Autowired
	protected CapturingAuditTrail audit;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	protected long branch;

	/** 沼潭派出所. */
	protected long stationA;

	/** 沼潭派出所's 社区警务队. */
	protected long teamA;

	/** 民族东路派出所. */
	protected long stationB;

	protected long brigade;

	/** An outside agency: a locksmith. */
	protected long locksmith;

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	@BeforeEach
	void createUnits() {
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		String n = "-" + UNITS.incrementAndGet();
		stationA = organization.createUnit(branch, "沼潭派出所" + n, UnitType.STATION, 1);
		teamA = organization.createUnit(stationA, "社区警务队" + n, UnitType.TEAM, 1);
		stationB = organization.createUnit(branch, "民族东路派出所" + n, UnitType.STATION, 2);
		brigade = organization.createUnit(branch, "治安大队" + n, UnitType.BRIGADE, 3);
		locksmith = organization.createUnit(branch, "开锁公司" + n, UnitType.EXTERNAL_AGENCY, 9);
		clock.set(at("2026-03-02T09:00"));
		audit.clear();
	}

	static CurrentStaff staff(Role role, long unitId) {
		return staff(EnumSet.of(role), unitId);
	}

	static CurrentStaff staff(Set<Role> roles, long unitId) {
		return new CurrentStaff(1000 + unitId, "u" + unitId, 2000 + unitId, "民警" + unitId, unitId, "单位" + unitId,
				roles);
	}

	CurrentStaff clerk() {
		return staff(Role.INTAKE_CLERK, branch);
	}

	CurrentStaff coordinator() {
		return staff(Role.COORDINATOR, branch);
	}

	static Intake lockedOut() {
		return new Intake(Channel.PHONE, MatterKind.HELP, "EMERGENCY", Urgency.URGENT, "母亲被锁门外，两岁孩子在屋内",
				"七楼住户外出时门被风关上，两岁孩子独自在屋内，请求帮助。",
				new Place("昆都仑区沼潭街道某小区 7 号楼 2 单元 701", "沼潭社区", 40.6571, 109.8403),
				Submitter.person("王女士", "13847215678"));
	}

	static Intake complaint() {
		return new Intake(Channel.WALK_IN, MatterKind.COMPLAINT, "PUBLIC_ORDER", Urgency.NORMAL, "夜间广场舞噪音扰民",
				"小区广场每晚九点后仍有广场舞，音响声音很大。", new Place("民族东路某小区", "民族东路社区", null, null),
				new Submitter(false, "赵先生", "15904721234", "11010519491231002X", null, null));
	}

	int version(long matterId) {
		return desk.details(coordinator(), matterId).version();
	}

	MatterState state(long matterId) {
		return desk.details(coordinator(), matterId).state();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
