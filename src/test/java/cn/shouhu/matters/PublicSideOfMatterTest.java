package cn.shouhu.matters;

import static cn.shouhu.matters.MatterFixtures.LEAD_UNIT;
import static cn.shouhu.matters.MatterFixtures.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.shouhu.matters.TimelineEntry.ActorType;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;

/** What the submitter may do on the portal, as the matter rules it: add information, ask to reopen, a PIN. */
class PublicSideOfMatterTest {

	private final MatterFixtures fixtures = new MatterFixtures();

	private static void assertConflict(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(ConflictException.class,
				e -> assertThat(e.messageKey()).isEqualTo(key));
	}

	private static TimelineEntry last(Matter matter) {
		return matter.timeline().get(matter.timeline().size() - 1);
	}

	@ParameterizedTest
	@EnumSource(value = MatterState.class, names = { "CLOSED", "MERGED" }, mode = EnumSource.Mode.EXCLUDE)
	void informationIsAddedWhileTheMatterIsOpenAndStaffSeeIt(MatterState state) {
		Matter matter = fixtures.in(state, false, false);
		int entries = matter.timeline().size();
		int events = matter.pendingEvents().size();

		matter.addInformation("  门牌号是7号楼2单元701  ", POLICY, fixtures.tick());

		TimelineEntry added = matter.timeline().get(entries);
		assertThat(added.action()).isEqualTo(TimelineAction.INFORMATION_ADDED);
		assertThat(added.actorType()).isEqualTo(ActorType.SUBMITTER);
		assertThat(added.actorName()).isNull();
		assertThat(added.note()).isEqualTo("门牌号是7号楼2单元701");
		assertThat(List.copyOf(matter.pendingEvents()).get(events))
			.isEqualTo(new MatterInformationAdded(matter.id(), matter.leadUnitId(),
					state == MatterState.WAITING_FOR_SUBMITTER, added.occurredAt()));
		if (state != MatterState.WAITING_FOR_SUBMITTER) {
			assertThat(matter.state()).isEqualTo(state);
			assertThat(matter.timeline()).hasSize(entries + 1);
		}
	}

	@Test
	void theAnswerTheUnitWaitedForResumesHandlingAndMovesTheDeadlines() {
		Matter matter = fixtures.in(MatterState.WAITING_FOR_SUBMITTER, false, false);
		Instant replyDue = matter.deadlines().replyDue();
		fixtures.advance(Duration.ofHours(5));

		boolean resumed = matter.addInformation("门牌号是701", POLICY, fixtures.tick());

		assertThat(resumed).isTrue();
		assertThat(matter.state()).isEqualTo(MatterState.IN_PROGRESS);
		assertThat(matter.deadlines().pausedSince()).isNull();
		assertThat(matter.deadlines().replyDue()).isEqualTo(replyDue.plus(Duration.ofHours(5).plusMinutes(1)));
		assertThat(last(matter).action()).isEqualTo(TimelineAction.RESUMED);
		assertThat(last(matter).actorType()).isEqualTo(ActorType.SYSTEM);
		assertThat(matter.pendingEvents()).hasAtLeastOneElementOfType(MatterResumed.class);
	}

	@ParameterizedTest
	@EnumSource(value = MatterState.class, names = { "CLOSED", "MERGED" })
	void aClosedOrMergedMatterTakesNoInformationAndNothingChanges(MatterState state) {
		Matter matter = fixtures.in(state, false, false);
		List<TimelineEntry> before = matter.timeline();

		assertConflict(() -> matter.addInformation("补充", POLICY, fixtures.tick()),
				"matters.public.information.closed");
		assertThat(matter.timeline()).isEqualTo(before);
	}

	@Test
	void blankOrTooLongInformationIsRefused() {
		Matter matter = fixtures.in(MatterState.IN_PROGRESS, false, false);
		int entries = matter.timeline().size();

		assertThatThrownBy(() -> matter.addInformation("   ", POLICY, fixtures.tick()))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> matter.addInformation("字".repeat(Matter.TEXT_LENGTH + 1), POLICY, fixtures.tick()))
			.isInstanceOf(InvalidInputException.class);
		assertThat(matter.timeline()).hasSize(entries);
	}

	@Test
	void askingToReopenWithinTheWindowReopensUnderSupervision() {
		Matter matter = fixtures.in(MatterState.REPLIED, false, false);
		fixtures.advance(Duration.ofDays(2));

		matter.askToReopen("门锁仍然是坏的，无人跟进", POLICY, fixtures.tick());

		assertThat(matter.state()).isEqualTo(MatterState.REOPENED);
		assertThat(matter.supervised()).isTrue();
		assertThat(matter.followUp().satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
		assertThat(matter.followUp().bySubmitter()).isTrue();
		assertThat(matter.followUp().comment()).isEqualTo("门锁仍然是坏的，无人跟进");
		assertThat(matter.leadUnitId()).isEqualTo(LEAD_UNIT);
	}

	@Test
	void askingToReopenAfterTheWindowIsRefusedButRatingStillWorks() {
		Matter matter = fixtures.in(MatterState.REPLIED, false, false);
		fixtures.advance(Duration.ofDays(3));

		assertConflict(() -> matter.askToReopen("仍未解决", POLICY, fixtures.tick()),
				"matters.public.reopen.windowPassed");
		assertThat(matter.followUp()).isNull();
		assertThat(Matter.acceptsRating(matter.state(), false)).isTrue();
		assertThat(Matter.acceptsReopenRequest(matter.state(), false, matter.deadlines().reopenDue(), fixtures.now()))
			.isFalse();
	}

	@Test
	void askingToReopenNeedsAReasonAndAReplyNotYetFollowedUp() {
		Matter replied = fixtures.in(MatterState.REPLIED, false, false);
		assertThatThrownBy(() -> replied.askToReopen(" ", POLICY, fixtures.tick()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
		assertThat(replied.state()).isEqualTo(MatterState.REPLIED);

		Matter inProgress = fixtures.in(MatterState.IN_PROGRESS, false, false);
		assertConflict(() -> inProgress.askToReopen("还没答复", POLICY, fixtures.tick()),
				"matters.conflict.RECORD_FOLLOW_UP");

		Matter late = fixtures.in(MatterState.REPLIED, false, false);
		fixtures.advance(Duration.ofDays(4));
		late.recordFollowUp(MatterFixtures.coordinator(), Satisfaction.UNSATISFIED, "电话回访不满意", POLICY,
				fixtures.tick());
		assertConflict(() -> late.askToReopen("仍未解决", POLICY, fixtures.tick()), "matters.followUp.recorded");
	}

	@Test
	void onlyAnAnonymousMatterFromAPublicChannelGetsAPin() {
		Matter anonymous = fixtures.received(new Intake(Channel.PORTAL, MatterKind.TIP_OFF, null, null, "赌博窝点",
				"某小区地下室夜间聚众赌博。", null, Submitter.anonymousPerson()));
		anonymous.protectWithPin("hash");
		assertThat(anonymous.pinHash()).isEqualTo("hash");
		assertThatThrownBy(() -> anonymous.protectWithPin("other")).isInstanceOf(IllegalStateException.class);

		Matter named = fixtures.received(new Intake(Channel.PORTAL, MatterKind.TIP_OFF, null, null, "赌博窝点",
				"某小区地下室夜间聚众赌博。", null, Submitter.person("王女士", "13847215678")));
		assertThatThrownBy(() -> named.protectWithPin("hash")).isInstanceOf(IllegalStateException.class);

		Matter byPhone = fixtures.received(new Intake(Channel.PHONE, MatterKind.TIP_OFF, null, null, "赌博窝点",
				"某小区地下室夜间聚众赌博。", null, Submitter.anonymousPerson()));
		assertThatThrownBy(() -> byPhone.protectWithPin("hash")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void thePublicTimelineKeepsInternalNotesAndNamesInside() {
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.PROGRESS_RECORDED, ActorType.STAFF, "沼潭派出所",
				"已电话联系"))
			.isNull();
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.RETURNED, ActorType.STAFF, "沼潭派出所",
				"不属于本单位"))
			.isNull();
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.SUPERVISED, ActorType.STAFF, null, "督办"))
			.isNull();
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.TRANSFERRED, ActorType.STAFF, "治安大队",
				"涉及治安管理"))
			.isEqualTo(new PublicTimelineEntry(Instant.EPOCH, PublicStep.DISPATCHED, "治安大队", null));
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.DISPATCHED, ActorType.STAFF, "沼潭派出所",
				"清明假期，请速处置"))
			.isEqualTo(new PublicTimelineEntry(Instant.EPOCH, PublicStep.DISPATCHED, "沼潭派出所", null));
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.MERGED, ActorType.STAFF, null,
				"ABCDEFGHJKMN"))
			.isEqualTo(new PublicTimelineEntry(Instant.EPOCH, PublicStep.MERGED, null, null));
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.FOLLOWED_UP, ActorType.STAFF, null,
				"电话回访，群众说还行"))
			.isEqualTo(new PublicTimelineEntry(Instant.EPOCH, PublicStep.FOLLOWED_UP, null, null));
		assertThat(PublicMatterReader.entry(Instant.EPOCH, TimelineAction.WAITING_FOR_SUBMITTER, ActorType.STAFF,
				"沼潭派出所", "请补充门牌号"))
			.isEqualTo(new PublicTimelineEntry(Instant.EPOCH, PublicStep.WAITING_FOR_SUBMITTER, "沼潭派出所", "请补充门牌号"));
	}

}
