package cn.shouhu.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * Statistics on the migrated test database with the real matters core, organisation and calendar. Each test gets
 * its own units under the one branch (station A with a team, station B) and a clock it sets; figures are asserted
 * within those units, so tests sharing the database do not see each other's counts.
 */
@SpringBootTest
@Import({ CapturingAuditTrail.Config.class, StatisticsSpringTest.Config.class })
abstract class StatisticsSpringTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	protected OrganizationSetup organization;

	@Autowired
	protected OrganizationDirectory directory;

	@Autowired
	protected SettableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Statistics statistics;

	protected long branch;

	/** 沼潭派出所. */
	protected long stationA;

	/** 沼潭派出所's 社区警务队. */
	protected long teamA;

	/** 民族东路派出所. */
	protected long stationB;

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	@BeforeEach
	void createUnits() {
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		String n = "-s" + UNITS.incrementAndGet();
		stationA = organization.createUnit(branch, "沼潭派出所" + n, UnitType.STATION, 1);
		teamA = organization.createUnit(stationA, "社区警务队" + n, UnitType.TEAM, 1);
		stationB = organization.createUnit(branch, "民族东路派出所" + n, UnitType.STATION, 2);
		clock.set(at("2026-03-02T09:00"));
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

	CurrentStaff branchLeader() {
		return staff(Role.BRANCH_LEADER, branch);
	}

	/** The figures of one day, as a staff member sees them, optionally for one unit's subtree. */
	Figures totalOn(CurrentStaff staff, LocalDate day, Long unitId) {
		return report(staff, new StatisticsFilter(day, day, unitId, null)).total();
	}

	/** The report once the statistics listener has handled every event published so far (it runs asynchronously). */
	StatisticsReport report(CurrentStaff staff, StatisticsFilter filter) {
		awaitRollups();
		return statistics.report(staff, filter);
	}

	void awaitRollups() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND listener_id LIKE '%MatterStatisticsListener%'""")
			.query(Long.class)
			.single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The statistics listener left events unhandled");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}

	}

}
