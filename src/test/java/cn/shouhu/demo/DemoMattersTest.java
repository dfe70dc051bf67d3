package cn.shouhu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.matters.CoHandlingTask;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterDetails;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.TaskState;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;
import cn.shouhu.statistics.HotSpots;
import cn.shouhu.statistics.Statistics;

/** The demo matters: made through the desk, in every state, with the 清明 story. Shares the sign-in test's context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shouhu.demo.enabled=true")
class DemoMattersTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MatterDesk desk;

	@Autowired
	Statistics statistics;

	private static final CurrentStaff COORDINATOR = new CurrentStaff(0, "t", 0, "测试", 1, "分局",
			EnumSet.of(Role.COORDINATOR));

	@Test
	void everyStateHasMattersWithRealTimelines() {
		List<String> states = jdbc.sql("SELECT DISTINCT state FROM matter").query(String.class).list();
		Set<String> expected = Set.of("RECEIVED", "DISPATCHED", "SIGNED", "IN_PROGRESS", "WAITING_FOR_SUBMITTER",
				"REPLY_PENDING_APPROVAL", "REPLIED", "REOPENED", "RETURNED", "CLOSED", "MERGED");
		assertThat(states).containsAll(expected);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single()).isGreaterThan(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_timeline").query(Long.class).single()).isGreaterThan(1000);
	}

	@Test
	void thisWeeksBatteryTheftsAreAHotSpotOfTheirStation() throws InterruptedException {
		// The statistics listener counts after the demo's transaction, asynchronously.
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND listener_id LIKE '%MatterStatisticsListener%'""")
			.query(Long.class)
			.single() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		CurrentStaff branchLeader = new CurrentStaff(0, "t", 0, "测试", 1, "分局", EnumSet.of(Role.BRANCH_LEADER));

		HotSpots hotSpots = statistics.hotSpots(branchLeader, statistics.today());

		HotSpots.Station zhaotan = hotSpots.stations()
			.stream()
			.filter(station -> station.unitName().equals("沼潭派出所"))
			.findFirst()
			.orElseThrow();
		assertThat(zhaotan.words()).extracting(HotSpots.Rising::key).contains("电瓶");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter WHERE channel = 'PORTAL' AND state = 'RECEIVED'")
			.query(Long.class)
			.single()).as("one waits on the intake desk's live panel").isEqualTo(1);
	}

	@Test
	void theMotherLockedOutOnQingmingIsClosedSatisfied() {
		long id = jdbc.sql("SELECT id FROM matter WHERE title LIKE '母亲被锁门外%'").query(Long.class).single();
		MatterDetails story = desk.details(COORDINATOR, id);
		assertThat(story.receivedAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate())
			.isEqualTo(LocalDate.of(2026, 4, 4));
		assertThat(story.state()).isEqualTo(MatterState.CLOSED);
		assertThat(story.followUp().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(story.tasks()).hasSize(2).allMatch(task -> task.state() == TaskState.DONE);
		assertThat(story.tasks()).extracting(CoHandlingTask::result).anyMatch(result -> result.contains("开锁"));
		assertThat(story.timeline()).hasSizeGreaterThan(8);
	}

}
