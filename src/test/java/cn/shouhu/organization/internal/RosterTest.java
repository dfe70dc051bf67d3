package cn.shouhu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;

import cn.shouhu.organization.OfficerLeft;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OfficerTransferred;
import cn.shouhu.organization.OrganizationSpringTest;
import cn.shouhu.organization.StaffLogin;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

class RosterTest extends OrganizationSpringTest {

	@Autowired
	Roster roster;

	@Autowired
	OfficerSearch search;

	@Autowired
	ApplicationEvents events;

	private Map<String, Object> officerRow(long id) {
		return jdbc.sql("SELECT badge_no, name, unit_id, position, status, version FROM officer WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	private int version(long officerId) {
		return ((Number) officerRow(officerId).get("version")).intValue();
	}

	@Test
	void aDuplicateBadgeIsRefusedWithAMessageAndNothingChanges() {
		Branch b = branch();
		long zhang = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		long li = setup.createOfficer("100232", "李娜", b.minzu(), null, false);
		audit.clear();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);

		assertThatThrownBy(() -> roster.create(
				new Roster.NewOfficer("100231", "王强", b.zhaotan(), null, false, OfficerStatus.ACTIVE)))
			.isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.violations()).singleElement()
				.satisfies(v -> {
					assertThat(v.field()).isEqualTo("badgeNo");
					assertThat(v.messageKey()).isEqualTo("organization.officer.badgeNo.duplicate");
					assertThat(v.args()).containsExactly("100231");
				}));
		assertThatThrownBy(() -> roster.edit(li, version(li), new Roster.OfficerChanges("100231", "李娜", null, false)))
			.hasMessageContaining("organization.officer.badgeNo.duplicate");

		assertThat(count("officer")).isEqualTo(2);
		assertThat(officerRow(li)).containsEntry("badge_no", "100232");
		assertThat(officerRow(zhang)).containsEntry("name", "张伟");
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void everyBrokenRuleOfANewOfficerIsReportedAtOnce() {
		Branch b = branch();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);

		assertThatThrownBy(() -> roster.create(new Roster.NewOfficer("12345", "Z", b.fire(), null, false, null)))
			.isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.violations())
				.extracting(Violation::messageKey)
				.containsExactly("organization.officer.badgeNo.invalid", "organization.officer.name.invalid",
						"organization.officer.unit.external"));
		assertThat(count("officer")).isZero();
	}

	@Test
	void aUnitLeaderNeitherSeesNorChangesAnotherStationsOfficers() {
		Branch b = branch();
		long own = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		long other = setup.createOfficer("200001", "李娜", b.minzuTeam(), "社区民警", false);
		audit.clear();
		StaffLogin.signIn(b.zhaotan(), Role.UNIT_LEADER);

		assertThat(search.search(OfficerCriteria.defaults()).items()).extracting(Roster.OfficerView::id)
			.containsExactly(own);
		assertThat(search.search(new OfficerCriteria("李娜", null, null, null, null, null, null, null)).total())
			.isZero();
		assertThat(roster.get(own).name()).isEqualTo("张伟");
		assertThatThrownBy(() -> roster.get(other)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> roster.getForChange(other)).isInstanceOf(NotFoundException.class);

		int otherVersion = version(other);
		assertThatThrownBy(
				() -> roster.edit(other, otherVersion, new Roster.OfficerChanges("200001", "王强", null, true)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> roster.transfer(other, otherVersion, b.zhaotanTeam()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> roster.leave(other, otherVersion, OfficerStatus.RETIRED))
			.isInstanceOf(NotFoundException.class);
		assertThat(officerRow(other)).containsEntry("name", "李娜")
			.containsEntry("status", "ACTIVE")
			.containsEntry("unit_id", b.minzuTeam());

		assertThatThrownBy(() -> roster.transfer(own, version(own), b.minzu()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("unitId");
				assertThat(e.messageKey()).isEqualTo("organization.officer.unit.outOfScope");
			});
		assertThatThrownBy(() -> roster.create(new Roster.NewOfficer("100299", "王强", b.minzu(), null, false, null)))
			.hasMessageContaining("organization.officer.unit.outOfScope");
		assertThat(officerRow(own)).containsEntry("unit_id", b.zhaotanTeam());
		assertThat(count("officer")).isEqualTo(2);
		assertThat(audit.records()).isEmpty();
		assertThat(events.stream(OfficerTransferred.class)).isEmpty();
	}

	@Test
	void aUnitLeaderChangesOfficersWithinTheirSubtree() {
		Branch b = branch();
		long own = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		audit.clear();
		StaffLogin.signIn(b.zhaotan(), Role.UNIT_LEADER);

		long created = roster.create(new Roster.NewOfficer("100232", "王强", b.zhaotan(), "副所长", true, null));
		roster.edit(own, version(own), new Roster.OfficerChanges("100230", "张伟", "社区民警", false));

		assertThat(officerRow(own)).containsEntry("badge_no", "100230");
		assertThat(officerRow(created)).containsEntry("status", "ACTIVE");
		assertThat(audit.actions()).containsExactly("officer.create", "officer.update");
	}

	@Test
	void rolesWithoutTheRosterAreTurnedAway() {
		Branch b = branch();
		StaffLogin.signIn(b.zhaotan(), Role.HANDLER, Role.INTAKE_CLERK);
		assertThatThrownBy(() -> search.search(OfficerCriteria.defaults())).isInstanceOf(AccessDeniedException.class);

		StaffLogin.signIn(b.root(), Role.BRANCH_LEADER);
		assertThat(search.search(OfficerCriteria.defaults()).total()).isZero();
		assertThatThrownBy(() -> roster.create(new Roster.NewOfficer("100232", "王强", b.zhaotan(), null, false, null)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aTransferMovesTheOfficerAndTellsTheOtherModules() {
		Branch b = branch();
		long zhang = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		audit.clear();
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);

		roster.transfer(zhang, version(zhang), b.minzuTeam());

		assertThat(officerRow(zhang)).containsEntry("unit_id", b.minzuTeam());
		assertThat(events.stream(OfficerTransferred.class))
			.containsExactly(new OfficerTransferred(zhang, b.zhaotanTeam(), b.minzuTeam()));
		assertThat(audit.records()).singleElement().satisfies(record -> {
			assertThat(record.action()).isEqualTo("officer.transfer");
			assertThat(record.before().get("unitId")).isEqualTo(b.zhaotanTeam());
			assertThat(record.after().get("unitId")).isEqualTo(b.minzuTeam());
		});
	}

	@Test
	void retiringEndsActiveServiceAndTellsTheOtherModules() {
		Branch b = branch();
		long zhang = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);

		roster.leave(zhang, version(zhang), OfficerStatus.RETIRED);

		assertThat(officerRow(zhang)).containsEntry("status", "RETIRED");
		assertThat(events.stream(OfficerLeft.class)).containsExactly(new OfficerLeft(zhang, OfficerStatus.RETIRED));
		assertThatThrownBy(() -> roster.transfer(zhang, version(zhang), b.minzu()))
			.hasMessageContaining("organization.officer.transfer.notActive");
	}

	@Test
	void aStaleEditFormIsAConflictAndChangesNothing() {
		Branch b = branch();
		long zhang = setup.createOfficer("100231", "张伟", b.zhaotanTeam(), "社区民警", true);
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		int opened = version(zhang);
		roster.edit(zhang, opened, new Roster.OfficerChanges("100231", "张伟", "警长", true));

		assertThatThrownBy(() -> roster.edit(zhang, opened, new Roster.OfficerChanges("100231", "张卫", null, true)))
			.isInstanceOfSatisfying(ConflictException.class,
					e -> assertThat(e.messageKey()).isEqualTo("organization.officer.stale"));
		assertThat(officerRow(zhang)).containsEntry("name", "张伟").containsEntry("position", "警长");
	}

	@Test
	void theListFiltersSortsAndPages() {
		Branch b = branch();
		for (int i = 0; i < 25; i++) {
			setup.createOfficer(String.valueOf(300100 + i), "赵" + "一二三四五六七八九十".charAt(i % 10) + "明",
					i % 2 == 0 ? b.zhaotanTeam() : b.minzu(), null, i % 3 == 0);
		}
		long retired = setup.createOfficer("300999", "钱多多", b.zhaotan(), null, false);
		StaffLogin.signIn(b.root(), Role.SYSTEM_ADMIN);
		roster.leave(retired, version(retired), OfficerStatus.RETIRED);

		ResultPage<Roster.OfficerView> first = search.search(OfficerCriteria.defaults());
		assertThat(first.total()).isEqualTo(26);
		assertThat(first.items()).hasSize(20);
		assertThat(first.totalPages()).isEqualTo(2);
		assertThat(first.items().get(0).badgeNo()).isEqualTo("300100");
		assertThat(search.search(OfficerCriteria.defaults().withPage(2)).items()).hasSize(6);

		OfficerCriteria byBadgeDesc = new OfficerCriteria(null, null, null, null, "badge", "desc", 1, 50);
		assertThat(search.search(byBadgeDesc).items().get(0).badgeNo()).isEqualTo("300999");

		OfficerCriteria inZhaotan = new OfficerCriteria(null, b.zhaotan(), OfficerStatus.ACTIVE, null, null, null, 1,
				100);
		assertThat(search.search(inZhaotan).items()).hasSize(13)
			.allSatisfy(o -> assertThat(o.unitLabel()).isEqualTo("沼潭派出所/社区警务队"));

		assertThat(search.search(new OfficerCriteria("30010", null, null, true, null, null, 1, 20)).items())
			.extracting(Roster.OfficerView::badgeNo)
			.containsExactly("300100", "300103", "300106", "300109");
		assertThat(search.search(new OfficerCriteria("多", null, OfficerStatus.RETIRED, null, null, null, 1, 20))
			.items()).extracting(Roster.OfficerView::id).containsExactly(retired);
		assertThat(search.search(new OfficerCriteria("%", null, null, null, null, null, 1, 20)).total()).isZero();

		OfficerCriteria tampered = new OfficerCriteria(null, null, null, null, "name; DROP TABLE officer", "sideways",
				-3, 7);
		assertThat(tampered.sort()).isEqualTo("badge");
		assertThat(tampered.dir()).isEqualTo("asc");
		assertThat(tampered.page()).isEqualTo(1);
		assertThat(tampered.size()).isEqualTo(20);
	}

}
