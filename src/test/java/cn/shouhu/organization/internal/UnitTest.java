package cn.shouhu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.InvalidInputException;

class UnitTest {

	private static final Instant NOW = Instant.parse("2024-05-06T01:00:00Z");

	static Unit unit(long id, Long parentId, String name, UnitType type, String path) {
		return new Unit(id, parentId, name, type, path, true, 0, 0, NOW, NOW, Set.of());
	}

	private final Unit branch = unit(1, null, "昆都仑区分局", UnitType.BRANCH, "/1/");

	private final Unit station = unit(4, 1L, "沼潭派出所", UnitType.STATION, "/1/4/");

	private final Unit team = unit(9, 4L, "社区警务队", UnitType.TEAM, "/1/4/9/");

	private final Unit otherStation = unit(5, 1L, "民族东路派出所", UnitType.STATION, "/1/5/");

	@Test
	void movingUnderItsOwnDescendantIsRefusedAndNothingChanges() {
		assertThatThrownBy(() -> station.moveUnder(team, NOW)).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> {
				InvalidInputException invalid = (InvalidInputException) e;
				assertThat(invalid.messageKey()).isEqualTo("organization.unit.move.intoOwnSubtree");
				assertThat(invalid.field()).isEqualTo("parentId");
				assertThat(invalid.args()).containsExactly("沼潭派出所", "社区警务队");
			});
		assertThat(station.path()).isEqualTo("/1/4/");
		assertThat(station.parentId()).isEqualTo(1L);
	}

	@Test
	void movingUnderItselfIsRefused() {
		assertThatThrownBy(() -> station.moveUnder(station, NOW))
			.hasMessageContaining("organization.unit.move.intoOwnSubtree");
	}

	@Test
	void theBranchCannotBeMoved() {
		assertThatThrownBy(() -> branch.moveUnder(station, NOW)).hasMessageContaining("organization.unit.move.root");
	}

	@Test
	void movingRewritesThePathAndDescendantsFollow() {
		String oldPath = team.moveUnder(otherStation, NOW);

		assertThat(oldPath).isEqualTo("/1/4/9/");
		assertThat(team.path()).isEqualTo("/1/5/9/");
		assertThat(team.parentId()).isEqualTo(5L);

		Unit room = unit(12, 9L, "值班室", UnitType.TEAM, "/1/4/9/12/");
		room.rebase(oldPath, team.path(), NOW);
		assertThat(room.path()).isEqualTo("/1/5/9/12/");
	}

	@Test
	void aPoliceUnitCannotGoUnderAnExternalAgency() {
		Unit agency = unit(30, 1L, "119消防救援", UnitType.EXTERNAL_AGENCY, "/1/30/");
		assertThatThrownBy(() -> team.moveUnder(agency, NOW)).hasMessageContaining("organization.unit.parent.external");
		assertThatThrownBy(() -> Unit.createUnder(agency, "一队", UnitType.TEAM, 0, NOW))
			.hasMessageContaining("organization.unit.parent.external");
	}

	@Test
	void onlyTheRootIsABranch() {
		assertThatThrownBy(() -> Unit.createUnder(branch, "第二分局", UnitType.BRANCH, 0, NOW))
			.hasMessageContaining("organization.unit.branch.onlyRoot");
		assertThatThrownBy(() -> Unit.root("分局", UnitType.STATION, 0, NOW))
			.hasMessageContaining("organization.unit.root.mustBeBranch");
	}

	@Test
	void nothingIsCreatedUnderAnInactiveParent() {
		otherStation.deactivate(0, 0, NOW);
		assertThatThrownBy(() -> Unit.createUnder(otherStation, "社区警务队", UnitType.TEAM, 0, NOW))
			.hasMessageContaining("organization.unit.parent.inactive");
	}

	@Test
	void deactivationIsRefusedWhileTheUnitHasActiveChildrenOrOfficers() {
		assertThatThrownBy(() -> station.deactivate(1, 0, NOW)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("organization.unit.deactivate.busy");
		assertThatThrownBy(() -> station.deactivate(0, 3, NOW))
			.hasMessageContaining("organization.unit.deactivate.busy");
		assertThat(station.active()).isTrue();

		station.deactivate(0, 0, NOW);
		assertThat(station.active()).isFalse();
	}

	@Test
	void reactivationNeedsAnActiveParent() {
		team.deactivate(0, 0, NOW);
		station.deactivate(0, 0, NOW);
		assertThatThrownBy(() -> team.reactivate(station, NOW))
			.hasMessageContaining("organization.unit.reactivate.parentInactive");
		station.reactivate(branch, NOW);
		team.reactivate(station, NOW);
		assertThat(team.active()).isTrue();
	}

	@Test
	void jurisdictionIsCleanedAndOnlyForStations() {
		station.replaceJurisdiction(List.of(" 沼潭社区 ", "", "沼潭社区", "友谊社区"), List.of("钢铁大街"), NOW);
		assertThat(station.areas(AreaKind.COMMUNITY)).containsExactly("友谊社区", "沼潭社区");
		assertThat(station.areas(AreaKind.ROAD)).containsExactly("钢铁大街");

		assertThatThrownBy(() -> team.replaceJurisdiction(List.of("沼潭社区"), List.of(), NOW))
			.hasMessageContaining("organization.unit.jurisdiction.stationOnly");
	}

	@Test
	void aStationWithAJurisdictionKeepsItsType() {
		station.replaceJurisdiction(List.of("沼潭社区"), List.of(), NOW);
		assertThatThrownBy(() -> station.changeType(UnitType.BRIGADE, branch, NOW))
			.hasMessageContaining("organization.unit.type.hasJurisdiction");
		assertThatThrownBy(() -> team.changeType(UnitType.EXTERNAL_AGENCY, station, NOW))
			.hasMessageContaining("organization.unit.type.fixed");
	}

	@Test
	void aStaleVersionIsAConflict() {
		assertThatThrownBy(() -> station.checkVersion(3)).hasMessageContaining("organization.unit.stale");
	}

}
