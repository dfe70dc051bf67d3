package cn.shouhu.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.modulith.events.IncompleteEventPublications;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;
import cn.shouhu.statistics.internal.StatisticsRebuild;

/** The real desk drives matters through the loop; the figures are what a leader would count by hand. */
class StatisticsLoopTest extends StatisticsSpringTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

	@Autowired
	MatterDesk desk;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	StatisticsRebuild rebuild;

	static Intake lockedOut() {
		return new Intake(Channel.PHONE, MatterKind.HELP, "EMERGENCY", Urgency.URGENT, "母亲被锁门外，两岁孩子在屋内",
				"七楼住户外出时门被风关上，两岁孩子独自在屋内，请求帮助。",
				new Place("昆都仑区沼潭街道某小区 7 号楼 2 单元 701", "沼潭社区", 40.6571, 109.8403),
				Submitter.person("王女士", "13847215678"));
	}

	int version(long id) {
		return desk.details(coordinator(), id).version();
	}

	/** Intake at 09:00, dispatch 09:10, sign 09:30, draft 10:30, approve 11:00, satisfied follow-up 11:30. */
	private long throughTheLoop(long leadUnit, Satisfaction satisfaction) {
		CurrentStaff handler = staff(Role.HANDLER, leadUnit);
		CurrentStaff leader = staff(Role.UNIT_LEADER, leadUnit);
		long id = desk.intake(clerk(), lockedOut()).id();
		clock.advance(Duration.ofMinutes(10));
		desk.dispatch(coordinator(), id, version(id), new Dispatch("EMERGENCY", Urgency.URGENT, leadUnit, List.of(), null));
		clock.advance(Duration.ofMinutes(20));
		desk.sign(handler, id, version(id));
		clock.advance(Duration.ofMinutes(60));
		desk.draftReply(handler, id, version(id), "已协调开锁师傅到场开门，孩子安全。", "加强辖区开锁服务联动");
		clock.advance(Duration.ofMinutes(30));
		desk.approveReply(leader, id, version(id));
		clock.advance(Duration.ofMinutes(30));
		desk.recordFollowUp(coordinator(), id, version(id), satisfaction, "感谢民警");
		return id;
	}

	@Test
	void oneMatterThroughTheWholeLoopCountsOnceInEveryFigure() {
		long id = throughTheLoop(stationA, Satisfaction.SATISFIED);
		assertThat(desk.details(coordinator(), id).state()).isEqualTo(MatterState.CLOSED);

		Figures figures = totalOn(staff(Role.UNIT_LEADER, stationA), MONDAY, null);

		assertThat(figures.received()).isEqualTo(1);
		assertThat(figures.dispatched()).isEqualTo(1);
		assertThat(figures.replied()).isEqualTo(1);
		assertThat(figures.closed()).isEqualTo(1);
		assertThat(figures.closedOnTime()).isEqualTo(1);
		assertThat(figures.onTimeRate()).isEqualTo(100.0);
		assertThat(figures.followUps()).isEqualTo(1);
		assertThat(figures.satisfied()).isEqualTo(1);
		assertThat(figures.satisfactionRate()).isEqualTo(100.0);
		assertThat(figures.reopened()).isZero();
		assertThat(figures.reopenRate()).isEqualTo(0.0);
		// Working minutes (all inside the 08:30–12:00 period): dispatch→sign, intake→reply, intake→close.
		assertThat(figures.avgSignMinutes()).isEqualTo(20.0);
		assertThat(figures.avgReplyMinutes()).isEqualTo(120.0);
		assertThat(figures.avgCloseMinutes()).isEqualTo(150.0);
		assertThat(figures.overdueNow()).isZero();

		StatisticsReport report = report(branchLeader(), new StatisticsFilter(MONDAY, MONDAY, stationA, null));
		assertThat(report.byUnit()).singleElement().satisfies(unit -> {
			assertThat(unit.key()).isEqualTo(Long.toString(stationA));
			assertThat(unit.label()).startsWith("沼潭派出所");
			assertThat(unit.received()).isEqualTo(1);
		});
		assertThat(report.byKind()).extracting(Figures::key).containsExactly("HELP");
		assertThat(report.byChannel()).extracting(Figures::key).containsExactly("PHONE");
		assertThat(report.byCategory()).extracting(Figures::label).containsExactly("紧急求助");
		assertThat(report.byDay()).singleElement().extracting(Figures::closed).isEqualTo(1L);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%MatterStatisticsListener%'")
			.query(Long.class)
			.single()).as("the listener is registered with the publication registry, which awaitRollups watches")
			.isPositive();
	}

	@Test
	void theRegistryRedeliveringAnIncompleteEventDoesNotCountItTwice() {
		long id = throughTheLoop(stationA, Satisfaction.SATISFIED);
		awaitRollups();
		// As after a crash between the counters' commit and the publication's completion.
		int reopened = jdbc.sql("""
				UPDATE event_publication SET completion_date = NULL, status = 'FAILED'
				WHERE listener_id LIKE '%MatterStatisticsListener%' AND event_type LIKE '%MatterClosed'
				    AND serialized_event LIKE :matter""")
			.param("matter", "%\"matterId\":" + id + ",%")
			.update();
		assertThat(reopened).isEqualTo(1);

		incomplete.resubmitIncompletePublications(
				publication -> publication.getEvent() instanceof MatterClosed closed && closed.matterId() == id);

		Figures figures = totalOn(staff(Role.UNIT_LEADER, stationA), MONDAY, null);
		assertThat(figures.closed()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single()).as("the redelivery completed").isZero();
	}

	@Test
	void aRebuildFromTheRecordsGivesTheFiguresTheListenerKept() {
		long reopened = throughTheLoop(stationA, Satisfaction.UNSATISFIED);
		desk.draftReply(staff(Role.HANDLER, stationA), reopened, version(reopened), "已联系物业更换门锁。", null);
		desk.approveReply(staff(Role.UNIT_LEADER, stationA), reopened, version(reopened));
		desk.recordFollowUp(coordinator(), reopened, version(reopened), Satisfaction.BASICALLY_SATISFIED, null);
		clock.set(at("2026-03-02T09:00"));
		throughTheLoop(teamA, Satisfaction.SATISFIED);
		clock.set(at("2026-03-02T09:00"));
		desk.intake(clerk(), lockedOut());
		StatisticsFilter monday = new StatisticsFilter(MONDAY, MONDAY, stationA, null);
		StatisticsReport kept = report(branchLeader(), monday);
		Figures keptUnassigned = received(report(branchLeader(), new StatisticsFilter(MONDAY, MONDAY, null, null)));

		long counted = rebuild.rebuild();

		StatisticsReport rebuilt = statistics.report(branchLeader(), monday);
		assertThat(counted).isPositive();
		assertThat(rebuilt.total()).isEqualTo(kept.total());
		assertThat(rebuilt.byUnit()).isEqualTo(kept.byUnit());
		assertThat(rebuilt.byCategory()).isEqualTo(kept.byCategory());
		assertThat(rebuilt.total().reopened()).isEqualTo(1);
		assertThat(rebuilt.total().unsatisfied()).isEqualTo(1);
		assertThat(received(statistics.report(branchLeader(), new StatisticsFilter(MONDAY, MONDAY, null, null))))
			.as("the matter still with the coordinators").isEqualTo(keptUnassigned);
	}

	private static Figures received(StatisticsReport report) {
		return report.byUnit().stream().filter(f -> f.key().equals("0")).findFirst().orElseThrow();
	}

	@Test
	void anUnsatisfiedFollowUpCountsAReopenAndASecondReply() {
		long id = throughTheLoop(stationA, Satisfaction.UNSATISFIED);
		CurrentStaff handler = staff(Role.HANDLER, stationA);
		clock.advance(Duration.ofMinutes(10));
		desk.draftReply(handler, id, version(id), "已联系物业更换门锁。", null);
		desk.approveReply(staff(Role.UNIT_LEADER, stationA), id, version(id));
		desk.recordFollowUp(coordinator(), id, version(id), Satisfaction.BASICALLY_SATISFIED, null);

		Figures figures = totalOn(staff(Role.UNIT_LEADER, stationA), MONDAY, null);

		assertThat(figures.received()).isEqualTo(1);
		assertThat(figures.replied()).isEqualTo(2);
		assertThat(figures.reopened()).isEqualTo(1);
		assertThat(figures.reopenRate()).isEqualTo(50.0);
		assertThat(figures.followUps()).isEqualTo(2);
		assertThat(figures.satisfactionRate()).isEqualTo(50.0);
		assertThat(figures.closed()).isEqualTo(1);
	}

	@Test
	void aStationLeaderSeesOnlyTheirSubtree() {
		throughTheLoop(stationA, Satisfaction.SATISFIED);
		clock.set(at("2026-03-02T09:00"));
		throughTheLoop(teamA, Satisfaction.SATISFIED);
		clock.set(at("2026-03-02T09:00"));
		throughTheLoop(stationB, Satisfaction.SATISFIED);

		assertThat(totalOn(staff(Role.UNIT_LEADER, stationA), MONDAY, null).closed()).isEqualTo(2);
		assertThat(totalOn(staff(Role.HANDLER, teamA), MONDAY, null).closed()).isEqualTo(1);
		assertThat(totalOn(staff(Role.UNIT_LEADER, stationB), MONDAY, null).received()).isEqualTo(1);
		assertThat(report(staff(Role.UNIT_LEADER, stationA), new StatisticsFilter(MONDAY, MONDAY, null, null))
			.byUnit()).extracting(Figures::key)
			.containsExactlyInAnyOrder(Long.toString(stationA), Long.toString(teamA));
		// Branch-wide roles see every unit; filtering by another station's unit gives a leader nothing.
		assertThat(totalOn(coordinator(), MONDAY, stationB).closed()).isEqualTo(1);
		assertThat(statistics.units(staff(Role.UNIT_LEADER, stationA))).extracting(unit -> unit.id())
			.containsExactly(stationA, teamA);
	}

	@Test
	void aMatterNotYetDispatchedCountsUnderNoUnitAndMovesOnDispatch() {
		long id = desk.intake(clerk(), lockedOut()).id();
		LocalDate day = MONDAY;
		StatisticsReport before = report(branchLeader(), new StatisticsFilter(day, day, null, null));
		long unassignedBefore = received(before, "0");

		desk.dispatch(coordinator(), id, version(id), new Dispatch("EMERGENCY", Urgency.URGENT, stationB, List.of(), null));

		StatisticsReport after = report(branchLeader(), new StatisticsFilter(day, day, null, null));
		assertThat(received(after, "0")).isEqualTo(unassignedBefore - 1);
		assertThat(received(after, Long.toString(stationB))).isEqualTo(1);
		assertThat(after.total().received()).isEqualTo(before.total().received());
	}

	@Test
	void overdueNowCountsOpenMattersPastTheirDeadline() {
		long id = desk.intake(clerk(), lockedOut()).id();
		desk.dispatch(coordinator(), id, version(id), new Dispatch("EMERGENCY", Urgency.URGENT, stationB, List.of(), null));
		CurrentStaff leaderB = staff(Role.UNIT_LEADER, stationB);
		assertThat(totalOn(leaderB, MONDAY, null).overdueNow()).isZero();

		clock.set(at("2026-03-03T17:00"));

		assertThat(totalOn(leaderB, MONDAY, null).overdueNow()).isEqualTo(1);
		assertThat(totalOn(staff(Role.UNIT_LEADER, stationA), MONDAY, null).overdueNow()).isZero();
	}

	private static long received(StatisticsReport report, String unitKey) {
		return report.byUnit().stream().filter(f -> f.key().equals(unitKey)).mapToLong(Figures::received).sum();
	}

}
