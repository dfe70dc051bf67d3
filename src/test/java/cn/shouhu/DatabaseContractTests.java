package cn.shouhu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.accounts.AccountSetup;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.Role;
import cn.shouhu.shared.UserFacingException;

/**
 * What Shouhu needs of its database, run on every database it supports: the embedded H2 default and
 * PostgreSQL. Same migrations, same demo branch, same reads and writes.
 */
@SpringBootTest(properties = "shouhu.demo.enabled=true")
abstract class DatabaseContractTests {

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	AccountSetup accounts;

	@Test
	void everyMigrationIsApplied() {
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.info().applied()).hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void theDemoBranchIsLoaded() {
		assertThat(directory.activeUnits()).extracting(u -> u.name())
			.contains("包头市公安局昆都仑区分局", "政治工作办公室", "情报指挥中心", "沼潭派出所", "民族东路派出所");
		long officers = jdbc.sql("SELECT COUNT(*) FROM officer").query(Long.class).single();
		assertThat(officers).isBetween(35L, 60L);
		for (String username : Set.of("clerk", "coordinator", "handler", "leader", "branchlead", "politics", "sysadmin",
				"secadmin", "auditor")) {
			assertThat(accounts.exists(username)).as(username).isTrue();
		}
	}

	@Test
	void unitsOfficersAndAccountsRoundTrip() {
		long branch = directory.activeUnits().get(0).id();
		long station = organization.createUnit(branch, "测试派出所", UnitType.STATION, 99);
		organization.setJurisdiction(station, java.util.List.of("测试社区"), java.util.List.of("测试路"));
		long officer = organization.createOfficer("159001", "测试民警", station, "民警", false);

		assertThat(directory.findOfficerByBadgeNo("159001")).hasValueSatisfying(o -> {
			assertThat(o.id()).isEqualTo(officer);
			assertThat(o.unitName()).isEqualTo("测试派出所");
		});
		assertThat(directory.subtreeOf(station).covers(directory.findUnit(station).orElseThrow().path())).isTrue();
		assertThat(directory.subtreeOf(station).covers(directory.findUnit(branch).orElseThrow().path())).isFalse();

		accounts.open("roundtrip", officer, Set.of(Role.HANDLER), "Round#Trip26", true);
		assertThat(accounts.exists("roundtrip")).isTrue();
	}

	@Test
	void aStationIsFoundByTheCommunitiesAndRoadsOfItsJurisdiction() {
		assertThat(directory.stationCovering("青山路社区")).map(u -> u.name()).hasValue("沼潭派出所");
		assertThat(directory.stationCovering(" 民族东路 ")).map(u -> u.name()).hasValue("民族东路派出所");
		assertThat(directory.stationCovering("不存在的社区")).isEmpty();
		assertThat(directory.stationCovering("")).isEmpty();
	}

	@Test
	void aDuplicateBadgeNumberIsRefusedAndChangesNothing() {
		long unit = directory.findOfficerByBadgeNo("150101").orElseThrow().unitId();
		long before = jdbc.sql("SELECT COUNT(*) FROM officer").query(Long.class).single();
		assertThatThrownBy(() -> organization.createOfficer("150101", "重复警号", unit, "民警", false))
			.isInstanceOf(UserFacingException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM officer").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void frameworkTablesExist() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single()).isNotNegative();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single()).isNotNegative();
	}

}
