package cn.shouhu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSpringTest;
import cn.shouhu.organization.StaffLogin;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.Role;

class UnitTreeTest extends OrganizationSpringTest {

	@Autowired
	UnitTree tree;

	@Autowired
	OrganizationDirectory directory;

	private int version(long id) {
		return jdbc.sql("SELECT version FROM unit WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	@Test
	void movingAUnitRewritesThePathsOfItsWholeSubtreeInOneGo() {
		Branch b = branch();
		long squad = setup.createUnit(b.zhaotan(), "打击办案队", UnitType.TEAM, 2);
		long room = setup.createUnit(squad, "值班室", UnitType.TEAM, 0);
		long desk = setup.createUnit(room, "接警台", UnitType.TEAM, 0);
		audit.clear();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);

		tree.move(squad, version(squad), b.minzu());

		String minzuPath = path(b.minzu());
		assertThat(path(squad)).isEqualTo(minzuPath + squad + "/");
		assertThat(path(room)).isEqualTo(minzuPath + squad + "/" + room + "/");
		assertThat(path(desk)).isEqualTo(minzuPath + squad + "/" + room + "/" + desk + "/");
		assertThat(path(b.zhaotanTeam())).isEqualTo(path(b.zhaotan()) + b.zhaotanTeam() + "/");
		assertThat(jdbc.sql("SELECT parent_id FROM unit WHERE id = :id").param("id", squad)
			.query(Long.class).single()).isEqualTo(b.minzu());
		assertThat(directory.subtreeOf(b.minzu()).covers(path(room))).isTrue();
		assertThat(directory.subtreeOf(b.zhaotan()).covers(path(room))).isFalse();
		assertThat(audit.actions()).containsExactly("unit.move");
	}

	@Test
	void movingAUnitUnderItsOwnDescendantIsRefusedAndNothingMoves() {
		Branch b = branch();
		long room = setup.createUnit(b.zhaotanTeam(), "值班室", UnitType.TEAM, 0);
		audit.clear();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		String before = path(room);

		assertThatThrownBy(() -> tree.move(b.zhaotan(), version(b.zhaotan()), room))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("organization.unit.move.intoOwnSubtree");

		assertThat(path(room)).isEqualTo(before);
		assertThat(path(b.zhaotan())).isEqualTo("/" + b.root() + "/" + b.zhaotan() + "/");
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void aUnitMovedWhereASiblingHasItsNameIsRefused() {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		long extra = tree.create(b.root(), "社区警务队", UnitType.TEAM, 0);

		assertThatThrownBy(() -> tree.move(extra, version(extra), b.zhaotan()))
			.hasMessageContaining("organization.unit.name.duplicate");
		assertThatThrownBy(() -> tree.create(b.zhaotan(), "社区警务队", UnitType.TEAM, 0))
			.hasMessageContaining("organization.unit.name.duplicate");
	}

	@Test
	void theBranchIsTheSingleRoot() {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		assertThatThrownBy(() -> tree.create(null, "第二分局", UnitType.BRANCH, 0))
			.hasMessageContaining("organization.unit.root.exists");
	}

	@Test
	void deactivationWaitsUntilTheUnitIsEmptyAndReactivationIsAllowed() {
		Branch b = branch();
		setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		audit.clear();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);

		assertThatThrownBy(() -> tree.deactivate(b.zhaotan(), version(b.zhaotan())))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).args()).containsExactly("沼潭派出所", 1L, 0L));
		assertThatThrownBy(() -> tree.deactivate(b.zhaotanTeam(), version(b.zhaotanTeam())))
			.satisfies(e -> assertThat(((InvalidInputException) e).args()).containsExactly("社区警务队", 0L, 1L));

		tree.deactivate(b.minzuTeam(), version(b.minzuTeam()));
		tree.deactivate(b.minzu(), version(b.minzu()));
		assertThat(directory.activeUnits()).extracting(UnitRef::id).doesNotContain(b.minzu(), b.minzuTeam());
		assertThat(count("unit")).isEqualTo(6);

		assertThatThrownBy(() -> tree.reactivate(b.minzuTeam(), version(b.minzuTeam())))
			.hasMessageContaining("organization.unit.reactivate.parentInactive");
		tree.reactivate(b.minzu(), version(b.minzu()));
		assertThat(directory.findUnit(b.minzu())).get().extracting(UnitRef::active).isEqualTo(true);
		assertThat(audit.actions()).containsExactly("unit.deactivate", "unit.deactivate", "unit.reactivate");
	}

	@Test
	void aStaleFormIsAConflict() {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		int opened = version(b.zhaotan());
		tree.edit(b.zhaotan(), opened, "沼潭派出所", UnitType.STATION, 5);

		assertThatThrownBy(() -> tree.edit(b.zhaotan(), opened, "改名派出所", UnitType.STATION, 5))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("organization.unit.stale");
		assertThat(directory.findUnit(b.zhaotan())).get().extracting(UnitRef::name).isEqualTo("沼潭派出所");
	}

	@Test
	void onlyTheSystemAdministratorChangesTheTree() {
		Branch b = branch();
		StaffLogin.signIn(b.zhaotan(), Role.UNIT_LEADER);
		assertThatThrownBy(() -> tree.create(b.zhaotan(), "新队", UnitType.TEAM, 0))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> tree.move(b.zhaotanTeam(), version(b.zhaotanTeam()), b.minzu()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(tree.index().all()).hasSize(6);
	}

	@Test
	void aStationsJurisdictionIsReplacedAndAudited() {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		tree.setJurisdiction(b.zhaotan(), version(b.zhaotan()), List.of("沼潭社区", "友谊社区", ""),
				List.of("钢铁大街"));
		tree.setJurisdiction(b.zhaotan(), version(b.zhaotan()), List.of("沼潭社区"), List.of("钢铁大街", "阿尔丁大街"));

		UnitTree.UnitPage page = tree.page(b.zhaotan());
		assertThat(page.communities()).containsExactly("沼潭社区");
		assertThat(page.roads()).containsExactly("阿尔丁大街", "钢铁大街");
		assertThat(page.children()).extracting(UnitIndex.Node::name).containsExactly("社区警务队");
		assertThat(audit.actions()).containsExactly("unit.jurisdiction", "unit.jurisdiction");
		assertThatThrownBy(() -> tree.setJurisdiction(b.zhaotanTeam(), version(b.zhaotanTeam()), List.of("x"),
				List.of()))
			.hasMessageContaining("organization.unit.jurisdiction.stationOnly");
	}

	@Test
	void theDirectoryListsActiveUnitsInTreeOrderAndGivesSubtreeScopes() {
		Branch b = branch();
		assertThat(directory.activeUnits()).extracting(UnitRef::id)
			.containsExactly(b.root(), b.zhaotan(), b.zhaotanTeam(), b.minzu(), b.minzuTeam(), b.fire());
		assertThat(directory.subtreeOf(b.zhaotan())).isEqualTo(DataScope.subtree(path(b.zhaotan())));
		assertThat(directory.subtreeOf(424242L).isNone()).isTrue();
		assertThat(setup.isEmpty()).isFalse();
	}

}
