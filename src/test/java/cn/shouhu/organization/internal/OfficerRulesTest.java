package cn.shouhu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.UnitType;

class OfficerRulesTest {

	private static final Instant NOW = Instant.parse("2024-05-06T01:00:00Z");

	@ParameterizedTest
	@ValueSource(strings = { "100231", "000001", "999999" })
	void sixDigitBadgesAreAccepted(String badge) {
		assertThat(OfficerRules.check(badge, "张伟", null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10023", "1002311", "10023a", "１００２３１", "10 231", "A00231" })
	void otherBadgesAreRefusedWithTheSixDigitMessage(String badge) {
		assertThat(OfficerRules.check(badge, "张伟", null))
			.singleElement()
			.satisfies(v -> {
				assertThat(v.field()).isEqualTo("badgeNo");
				assertThat(v.messageKey()).isEqualTo("organization.officer.badgeNo.invalid");
				assertThat(v.args()).containsExactly(badge);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "张伟", "欧阳娜娜", "巴特尔·额尔敦", "买买提·艾力" })
	void chineseNamesAreAccepted(String name) {
		assertThat(OfficerRules.check("100231", name, null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "张", "Zhang Wei", "张伟1", "·张伟", "张伟·", "一二三四五六七八九十一二三四五六七八九十一" })
	void otherNamesAreRefused(String name) {
		assertThat(OfficerRules.check("100231", name, null)).extracting(Violation::messageKey)
			.containsExactly("organization.officer.name.invalid");
	}

	@Test
	void missingFieldsAreEachReported() {
		assertThat(OfficerRules.check(null, null, "所".repeat(51))).extracting(Violation::messageKey)
			.containsExactly("organization.officer.badgeNo.required", "organization.officer.name.required",
					"organization.officer.position.tooLong");
	}

	@Test
	void anOfficerIsNeverRegisteredInAnExternalAgencyOrAnInactiveUnit() {
		UnitIndex.Node agency = new UnitIndex.Node(30L, 1L, "119消防救援", UnitType.EXTERNAL_AGENCY, "/1/30/", true, 0);
		assertThatThrownBy(() -> Officer.register("100231", "张伟", agency, null, false, OfficerStatus.ACTIVE, NOW))
			.hasMessageContaining("organization.officer.unit.external");
		UnitIndex.Node closed = new UnitIndex.Node(31L, 1L, "旧所", UnitType.STATION, "/1/31/", false, 0);
		assertThatThrownBy(() -> Officer.register("100231", "张伟", closed, null, false, OfficerStatus.ACTIVE, NOW))
			.hasMessageContaining("organization.officer.unit.inactive");
	}

	@Test
	void onlyAnActiveOfficerIsTransferredOrLeaves() {
		UnitIndex.Node station = new UnitIndex.Node(4L, 1L, "沼潭派出所", UnitType.STATION, "/1/4/", true, 0);
		UnitIndex.Node other = new UnitIndex.Node(5L, 1L, "民族东路派出所", UnitType.STATION, "/1/5/", true, 0);
		Officer officer = new Officer(7L, "100231", "张伟", 4L, null, false, OfficerStatus.ACTIVE, 0, NOW, NOW);

		assertThat(officer.transferTo(other, NOW)).satisfies(e -> {
			assertThat(e.fromUnitId()).isEqualTo(4L);
			assertThat(e.toUnitId()).isEqualTo(5L);
		});
		assertThatThrownBy(() -> officer.transferTo(other, NOW))
			.hasMessageContaining("organization.officer.transfer.sameUnit");
		assertThat(officer.leave(OfficerStatus.RETIRED, NOW).status()).isEqualTo(OfficerStatus.RETIRED);
		assertThatThrownBy(() -> officer.transferTo(station, NOW))
			.hasMessageContaining("organization.officer.transfer.notActive");
		assertThatThrownBy(() -> officer.leave(OfficerStatus.TRANSFERRED, NOW))
			.hasMessageContaining("organization.officer.leave.notActive");
	}

}
