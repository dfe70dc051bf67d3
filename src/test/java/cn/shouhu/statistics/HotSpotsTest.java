package cn.shouhu.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.shared.Role;
import cn.shouhu.statistics.HotSpots.Rising;
import cn.shouhu.statistics.internal.StatisticsRebuild;

/**
 * Hot spots from matters driven through the real desk: four quiet weeks, then a week in which square-dance noise
 * complaints pile up at station A (some led by its team), while station B's steady traffic matters stay steady.
 */
class HotSpotsTest extends StatisticsSpringTest {

	/** The week under test starts on this Monday; the four before it are the comparison. */
	private static final LocalDate WEEK = LocalDate.of(2026, 3, 30);

	@Autowired
	MatterDesk desk;

	@Autowired
	StatisticsRebuild rebuild;

	private void matter(LocalDate day, String category, long leadUnit, String title, String text) {
		clock.set(at(day + "T10:00"));
		long id = desk.intake(clerk(), new Intake(Channel.PHONE, MatterKind.COMPLAINT, category, Urgency.NORMAL, title,
				text, new Place("昆都仑区某路 1 号", "沼潭社区", null, null), Submitter.person("李先生", "13847215678")))
			.id();
		desk.dispatch(coordinator(), id, desk.details(coordinator(), id).version(),
				new Dispatch(category, Urgency.NORMAL, leadUnit, List.of(), null));
	}

	private void fiveWeeks() {
		for (int week = 4; week >= 1; week--) {
			LocalDate monday = WEEK.minusWeeks(week);
			matter(monday.plusDays(1), "PUBLIC_ORDER", stationA, "小区门口占道摆摊", "小区门口每天有人占道摆摊卖菜，影响通行。");
			matter(monday.plusDays(2), "TRAFFIC", stationB, "路口车辆乱停", "十字路口车辆乱停乱放，早高峰堵车。");
			matter(monday.plusDays(3), "TRAFFIC", stationB, "学校门口违停", "学校门口家长接送违停严重，造成拥堵。");
		}
		for (int i = 0; i < 6; i++) {
			matter(WEEK.plusDays(i % 5), "PUBLIC_ORDER", i < 2 ? teamA : stationA, "广场舞噪音扰民" + i,
					"晚上九点以后广场舞音响噪音很大，严重扰民，老人孩子无法休息。");
		}
		matter(WEEK.plusDays(1), "TRAFFIC", stationB, "路口车辆乱停", "十字路口车辆乱停乱放，早高峰堵车。");
		matter(WEEK.plusDays(2), "TRAFFIC", stationB, "学校门口违停", "学校门口家长接送违停严重，造成拥堵。");
	}

	private static Optional<HotSpots.Station> station(HotSpots hotSpots, long unitId) {
		return hotSpots.stations().stream().filter(station -> station.unitId() == unitId).findFirst();
	}

	@Test
	void aCategoryAndItsWordsThatPileUpInOneWeekAreAHotSpotOfTheirStation() {
		fiveWeeks();
		awaitRollups();

		HotSpots hotSpots = statistics.hotSpots(branchLeader(), WEEK.plusDays(3));

		assertThat(hotSpots.weekStart()).isEqualTo(WEEK);
		assertThat(hotSpots.weekEnd()).isEqualTo(WEEK.plusDays(6));
		HotSpots.Station a = station(hotSpots, stationA).orElseThrow();
		// The team's two matters count for its station: six this week against one a week before.
		assertThat(a.categories()).extracting(Rising::key, Rising::count, Rising::trailingAverage)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PUBLIC_ORDER", 6L, 1.0));
		assertThat(a.categories().get(0).label()).isEqualTo("治安管理");
		assertThat(a.words()).extracting(Rising::key).contains("噪音", "扰民").doesNotContain("摆摊");
		assertThat(a.words()).allSatisfy(word -> assertThat(word.count()).isEqualTo(6));
		// Two traffic matters a week, every week: nothing rose.
		assertThat(station(hotSpots, stationB)).isEmpty();
	}

	@Test
	void aQuietWeekHasNoHotSpotsAndTheWeekBeforeTheRiseIsQuiet() {
		fiveWeeks();
		awaitRollups();

		assertThat(station(statistics.hotSpots(branchLeader(), WEEK.minusDays(1)), stationA)).isEmpty();
	}

	@Test
	void aStationSeesOnlyItsOwnHotSpots() {
		fiveWeeks();
		awaitRollups();

		assertThat(statistics.hotSpots(staff(Role.UNIT_LEADER, stationB), WEEK).stations()).isEmpty();
		assertThat(statistics.hotSpots(staff(Role.UNIT_LEADER, stationA), WEEK).stations())
			.extracting(HotSpots.Station::unitId)
			.containsExactly(stationA);
	}

	@Test
	void theRebuildCountsTheWordsAgainOnce() {
		fiveWeeks();
		awaitRollups();
		HotSpots before = statistics.hotSpots(branchLeader(), WEEK);

		rebuild.rebuild();

		assertThat(station(statistics.hotSpots(branchLeader(), WEEK), stationA))
			.isEqualTo(station(before, stationA));
	}

	@Test
	void theRuleNeedsThreeMattersTwiceTheAverageAndTwoDeviations() {
		assertThat(HotSpots.rises(3, 0)).isTrue();
		assertThat(HotSpots.rises(2, 0)).as("two matters are a coincidence").isFalse();
		assertThat(HotSpots.rises(3, 1)).as("z = 2 / √2 < 2").isFalse();
		assertThat(HotSpots.rises(4, 1)).isTrue();
		assertThat(HotSpots.rises(19, 10)).as("less than twice the average").isFalse();
		assertThat(HotSpots.rises(20, 10)).as("twice the average but z = 10 / √11 ≈ 3").isTrue();
	}

}
