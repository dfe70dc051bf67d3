package cn.shouhu.matters.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.shouhu.TestStaff;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.CoHandling;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * The staff pages of the closed loop on the migrated test database, with real matters made through the desk.
 * Every test class here extends this one, so they share one Spring context. Each test gets its own units under
 * the one branch: two stations (the first with a team), and a locksmith.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MatterWebTest.Config.class)
abstract class MatterWebTest {

	@Autowired
	protected ShiftedClock clock;

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected MatterDesk desk;

	@Autowired
	protected OrganizationSetup organization;

	@Autowired
	protected OrganizationDirectory directory;

	protected long branch;

	/** 沼潭派出所, named after its community so that the community proposes it. */
	protected long stationA;

	protected long teamA;

	protected long stationB;

	protected long locksmith;

	protected String suffix;

	/** The community of station A alone: 沼潭-N社区 proposes 沼潭-N派出所. */
	protected String community;

	@BeforeEach
	void createUnits() {
		clock.reset();
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		suffix = "-" + UNITS.incrementAndGet();
		community = "沼潭" + suffix + "社区";
		stationA = organization.createUnit(branch, "沼潭" + suffix + "派出所", UnitType.STATION, 1);
		teamA = organization.createUnit(stationA, "社区警务队" + suffix, UnitType.TEAM, 1);
		stationB = organization.createUnit(branch, "民族东路派出所" + suffix, UnitType.STATION, 2);
		locksmith = organization.createUnit(branch, "便民开锁服务部" + suffix, UnitType.EXTERNAL_AGENCY, 9);
	}

	static CurrentStaff staff(Role role, long unitId) {
		return staff(EnumSet.of(role), unitId);
	}

	static CurrentStaff staff(Set<Role> roles, long unitId) {
		return new CurrentStaff(1000 + unitId, "u" + unitId, 1000 + unitId, "民警" + unitId, unitId, "单位" + unitId,
				roles);
	}

	CurrentStaff clerk() {
		return staff(Role.INTAKE_CLERK, branch);
	}

	CurrentStaff coordinator() {
		return staff(Role.COORDINATOR, branch);
	}

	CurrentStaff handlerA() {
		return staff(Role.HANDLER, stationA);
	}

	CurrentStaff leaderA() {
		return staff(Role.UNIT_LEADER, stationA);
	}

	/** A help request as the clerk records it. */
	long received(String title) {
		return desk.intake(clerk(), new Intake(Channel.PHONE, MatterKind.HELP, "EMERGENCY", Urgency.URGENT, title,
				"七楼住户外出时门被风关上，两岁孩子独自在屋内，请求帮助。", new Place("某小区 7 号楼 701", community, null, null),
				new Submitter(false, "王女士", "13847215678", "11010519491231002X", null, null)))
			.id();
	}

	/** Received and dispatched to station A, with the locksmith co-handling. */
	long dispatchedToA(String title) {
		long id = received(title);
		desk.dispatch(coordinator(), id, version(id), new Dispatch("EMERGENCY", Urgency.URGENT, stationA,
				List.of(new CoHandling(locksmith, "协助开锁", null)), null));
		return id;
	}

	long signedByA(String title) {
		long id = dispatchedToA(title);
		desk.sign(handlerA(), id, version(id));
		return id;
	}

	int version(long id) {
		return desk.details(coordinator(), id).version();
	}

	MockHttpServletRequestBuilder postAs(CurrentStaff staff, String url) {
		return post(url).with(authentication(TestStaff.as(staff))).with(csrf());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		ShiftedClock shiftedClock() {
			return new ShiftedClock();
		}

	}

}
