package cn.shouhu.matters;

import static cn.shouhu.matters.MatterFixtures.CO_UNIT;
import static cn.shouhu.matters.MatterFixtures.LEAD_UNIT;
import static cn.shouhu.matters.MatterFixtures.OTHER_UNIT;
import static cn.shouhu.matters.MatterFixtures.POLICY;
import static cn.shouhu.matters.MatterFixtures.everyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;

import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.Role;

/** The matter's own rules beyond the state table: who may act, limits, windows, inputs. */
class MatterTest {

	private final MatterFixtures fixtures = new MatterFixtures();

	private static void assertInvalid(Runnable action, String field, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}

	private static void assertConflict(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(ConflictException.class,
				e -> assertThat(e.messageKey()).isEqualTo(key));
	}

	@Nested
	class Receiving {

		@Test
		void aNewMatterIsReceivedWithAnUnguessableCodeAndAVisibleFirstEntry() {
			Matter matter = fixtures.received();

			assertThat(matter.state()).isEqualTo(MatterState.RECEIVED);
			assertThat(matter.trackingCode()).hasSize(12).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}");
			assertThat(matter.timeline()).singleElement().satisfies(entry -> {
				assertThat(entry.action()).isEqualTo(TimelineAction.RECEIVED);
				assertThat(entry.visibleToSubmitter()).isTrue();
			});
			assertThat(matter.pendingEvents()).singleElement()
				.isEqualTo(new MatterReceived(matter.id(), Channel.PHONE, MatterKind.COMPLAINT, "EMERGENCY",
						Urgency.NORMAL, matter.receivedAt()));
		}

		@Test
		void urgencyDefaultsToNormalAndTextIsTrimmed() {
			Intake intake = new Intake(Channel.LETTER, MatterKind.SUGGESTION,
					null, null, "  建议增设路灯 ", " 小区北门路段夜间无照明。 ", null, Submitter.person(" 赵先生 ", "15912345678"));

			Matter matter = fixtures.received(intake);

			assertThat(matter.urgency()).isEqualTo(Urgency.NORMAL);
			assertThat(matter.title()).isEqualTo("建议增设路灯");
			assertThat(matter.submitter().name()).isEqualTo("赵先生");
			assertThat(matter.categoryCode()).isNull();
		}

		@ParameterizedTest
		@EnumSource(value = MatterKind.class, names = "TIP_OFF", mode = EnumSource.Mode.EXCLUDE)
		void onlyATipOffMayBeAnonymous(MatterKind kind) {
			assertInvalid(() -> fixtures.received(withSubmitter(kind, Submitter.anonymousPerson())),
					"submitter.anonymous", "matters.submitter.anonymousOnlyTipOff");
		}

		@Test
		void anAnonymousTipOffKeepsNoDetails() {
			Matter matter = fixtures.received(withSubmitter(MatterKind.TIP_OFF,
					new Submitter(true, "张三", "13800001111", null, null, null)));

			assertThat(matter.submitter()).isEqualTo(Submitter.anonymousPerson());
		}

		@Test
		void theSubmitterIsChecked() {
			assertInvalid(
					() -> fixtures.received(withSubmitter(MatterKind.HELP, Submitter.person("王女士", "12345678901"))),
					"submitter.phone", "matters.submitter.phone.invalid");
			assertInvalid(() -> fixtures.received(withSubmitter(MatterKind.HELP, Submitter.person("王女士", null))),
					"submitter.phone", "matters.input.required");
			assertInvalid(() -> fixtures.received(withSubmitter(MatterKind.HELP, Submitter.person(" ", "13800001111"))),
					"submitter.name", "matters.input.required");
			assertInvalid(() -> fixtures.received(withSubmitter(MatterKind.HELP,
					new Submitter(false, "王女士", "13800001111", "110105194912310021", null, null))),
					"submitter.idNumber", "matters.submitter.idNumber.invalid");
			assertInvalid(() -> fixtures.received(withSubmitter(MatterKind.COMPLAINT,
					new Submitter(false, "王女士", "13800001111", null, "某公司", "91350100M000100Y44"))),
					"submitter.creditCode", "matters.submitter.creditCode.invalid");
			assertInvalid(() -> fixtures.received(withSubmitter(MatterKind.COMPLAINT,
					new Submitter(false, "王女士", "13800001111", null, null, "91350100M000100Y43"))),
					"submitter.enterpriseName", "matters.submitter.enterpriseName.required");
		}

		@Test
		void aValidEnterpriseSubmitterIsKeptInUpperCase() {
			Matter matter = fixtures.received(withSubmitter(MatterKind.COMPLAINT,
					new Submitter(false, "王经理", "13800001111", "11010519491231002x", "某某科技有限公司",
							"91350100m000100y43")));

			assertThat(matter.submitter().idNumber()).isEqualTo("11010519491231002X");
			assertThat(matter.submitter().creditCode()).isEqualTo("91350100M000100Y43");
		}

		@Test
		void titleTextAndPlaceAreChecked() {
			MatterFixtures f = fixtures;
			Intake base = MatterFixtures.intake(MatterKind.HELP);
			assertInvalid(() -> f.received(new Intake(base.channel(), base.kind(), null, null, " ",
					base.description(), null, base.submitter())), "title", "matters.input.required");
			assertInvalid(() -> f.received(new Intake(base.channel(), base.kind(), null, null,
					"标".repeat(101), base.description(), null, base.submitter())), "title", "matters.input.tooLong");
			// 51 emoji are 102 UTF-16 units: more than the column holds on H2, so refused here, not by the database.
			assertInvalid(() -> f.received(new Intake(base.channel(), base.kind(), null, null,
					"😀".repeat(51), base.description(), null, base.submitter())), "title", "matters.input.tooLong");
			assertInvalid(() -> f.received(new Intake(base.channel(), base.kind(), null, null,
					base.title(), base.description(), new Place("某路", null, 40.6, null), base.submitter())),
					"place.latitude", "matters.place.position.incomplete");
			assertInvalid(() -> f.received(new Intake(base.channel(), base.kind(), null, null,
					base.title(), base.description(), new Place("某路", null, 91.0, 109.8), base.submitter())),
					"place.latitude", "matters.place.position.invalid");
		}

		private Intake withSubmitter(MatterKind kind, Submitter submitter) {
			Intake base = MatterFixtures.intake(kind);
			return new Intake(base.channel(), kind, base.categoryCode(), base.urgency(), base.title(),
					base.description(), base.place(), submitter);
		}

	}

	@Nested
	class Dispatching {

		@Test
		void dispatchSetsTheUnitTheDeadlinesAndTheCoHandlingTasks() {
			Matter matter = fixtures.received();
			Instant at = fixtures.tick();

			matter.dispatch(MatterFixtures.clerk(), new Dispatch("EMERGENCY", Urgency.CRITICAL, LEAD_UNIT,
					List.of(new CoHandling(CO_UNIT, "请开锁师傅到场", null)), null), POLICY, at);

			assertThat(matter.leadUnitId()).isEqualTo(LEAD_UNIT);
			assertThat(matter.urgency()).isEqualTo(Urgency.CRITICAL);
			assertThat(matter.deadlines().signDue()).isEqualTo(at.plus(Duration.ofMinutes(30)));
			assertThat(matter.deadlines().replyDue()).isEqualTo(at.plus(Duration.ofDays(5)));
			assertThat(matter.deadlines().closeDue()).isEqualTo(at.plus(Duration.ofDays(10)));
			assertThat(matter.deadlines().returnDue()).isEqualTo(at.plus(Duration.ofDays(2)));
			assertThat(matter.tasks()).singleElement().satisfies(task -> {
				assertThat(task.taskNo()).isEqualTo(1);
				assertThat(task.unitId()).isEqualTo(CO_UNIT);
				assertThat(task.due()).as("by the reply deadline").isEqualTo(matter.deadlines().replyDue());
				assertThat(task.state()).isEqualTo(TaskState.OPEN);
			});
			assertThat(matter.pendingEvents()).contains(new MatterDispatched(matter.id(), LEAD_UNIT, "EMERGENCY",
					MatterKind.COMPLAINT, Urgency.CRITICAL, at.plus(Duration.ofMinutes(30)), at.plus(Duration.ofDays(5)),
					at.plus(Duration.ofDays(10)), false, at));
		}

		@Test
		void aBadCoHandlerLeavesTheMatterAsItWas() {
			Matter matter = fixtures.received();
			Map<String, Object> before = matter.auditView();

			assertInvalid(() -> matter.dispatch(MatterFixtures.clerk(), new Dispatch("EMERGENCY", null, LEAD_UNIT,
					List.of(new CoHandling(CO_UNIT, "请协助", null), new CoHandling(LEAD_UNIT, "请协助", null)), null),
					POLICY, fixtures.tick()), "unitId", "matters.task.leadUnit");
			assertInvalid(() -> matter.dispatch(MatterFixtures.clerk(), new Dispatch("EMERGENCY", null, LEAD_UNIT,
					List.of(new CoHandling(CO_UNIT, "请协助", null), new CoHandling(CO_UNIT, "再协助", null)), null),
					POLICY, fixtures.tick()), "unitId", "matters.task.duplicate");
			assertInvalid(() -> matter.dispatch(MatterFixtures.clerk(), new Dispatch(" ", null, LEAD_UNIT, List.of(),
					null), POLICY, fixtures.tick()), "categoryCode", "matters.input.required");

			assertThat(matter.auditView()).isEqualTo(before);
			assertThat(matter.tasks()).isEmpty();
		}

		@Test
		void onlyCoordinationDispatches() {
			Matter matter = fixtures.received();

			assertThatThrownBy(() -> matter.dispatch(MatterFixtures.handler(),
					new Dispatch("EMERGENCY", null, LEAD_UNIT, List.of(), null), POLICY, fixtures.tick()))
				.isInstanceOf(AccessDeniedException.class);
			assertThat(matter.state()).isEqualTo(MatterState.RECEIVED);
		}

		@Test
		void aReturnedMatterIsRedispatchedWithFreshLimits() {
			Matter matter = fixtures.in(MatterState.RETURNED, false, false);
			fixtures.advance(Duration.ofDays(1));
			Instant at = fixtures.tick();

			matter.dispatch(MatterFixtures.coordinator(), new Dispatch("EMERGENCY", null, OTHER_UNIT, List.of(), null),
					POLICY, at);

			assertThat(matter.deadlines().replyDue()).isEqualTo(at.plus(Duration.ofDays(5)));
			assertThat(matter.firstDispatchedAt()).isBefore(matter.dispatchedAt());
			assertThat(matter.timeline().get(matter.timeline().size() - 1).action())
				.isEqualTo(TimelineAction.REDISPATCHED);
			assertThat(matter.pendingEvents()).filteredOn(MatterDispatched.class::isInstance)
				.extracting(event -> ((MatterDispatched) event).redispatch())
				.containsExactly(false, true);
		}

	}

	@Nested
	class TheLeadUnit {

		@Test
		void aHandlerOfTheLeadUnitSigns() {
			Matter matter = fixtures.in(MatterState.DISPATCHED, false, false);

			matter.sign(MatterFixtures.handler(), fixtures.tick());

			assertThat(matter.state()).isEqualTo(MatterState.SIGNED);
			assertThat(matter.signedAt()).isEqualTo(fixtures.now());
		}

		@Test
		void nobodyElseSigns() {
			Matter matter = fixtures.in(MatterState.DISPATCHED, false, false);

			for (Actor stranger : List.of(MatterFixtures.coHandler(), MatterFixtures.coordinator(), MatterFixtures.clerk(),
					MatterFixtures.branchLeader(), Actor.system(), Actor.submitter(),
					MatterFixtures.staff(EnumSet.of(Role.HANDLER), false, Set.of()))) {
				assertThatThrownBy(() -> matter.sign(stranger, fixtures.tick())).as(stranger.toString())
					.isInstanceOf(AccessDeniedException.class);
			}
			assertThat(matter.state()).isEqualTo(MatterState.DISPATCHED);
		}

		@Test
		void theLeaderReturnsWithAReasonWithinTheLimit() {
			Matter matter = fixtures.in(MatterState.SIGNED, false, false);

			assertThatThrownBy(() -> matter.returnToCoordinators(MatterFixtures.handler(), "不归我所", fixtures.tick()))
				.as("a handler alone may not return").isInstanceOf(AccessDeniedException.class);
			assertInvalid(() -> matter.returnToCoordinators(MatterFixtures.leader(), " ", fixtures.tick()), "reason",
					"matters.input.required");

			matter.returnToCoordinators(MatterFixtures.leader(), "不属于本所辖区", fixtures.tick());

			assertThat(matter.state()).isEqualTo(MatterState.RETURNED);
			assertThat(matter.leadUnitId()).as("back with the coordinators").isNull();
			assertThat(matter.deadlines().replyDue()).isNull();
			assertThat(matter.returnCount()).isEqualTo(1);
			TimelineEntry entry = matter.timeline().get(matter.timeline().size() - 1);
			assertThat(entry.unitId()).isEqualTo(LEAD_UNIT);
			assertThat(entry.note()).isEqualTo("不属于本所辖区");
			assertThat(entry.visibleToSubmitter()).as("the reason is internal").isFalse();
		}

		@Test
		void aReturnAfterTheLimitIsRefused() {
			Matter matter = fixtures.in(MatterState.DISPATCHED, false, false);
			Instant returnDue = matter.deadlines().returnDue();

			Instant tooLate = returnDue.plusSeconds(1);
			assertConflict(() -> matter.returnToCoordinators(MatterFixtures.leader(), "不归我所", tooLate),
					"matters.return.tooLate");
			assertThat(matter.state()).isEqualTo(MatterState.DISPATCHED);

			matter.returnToCoordinators(MatterFixtures.leader(), "不归我所", returnDue);
			assertThat(matter.state()).isEqualTo(MatterState.RETURNED);
		}

		@Test
		void aCoHandlingUnitCannotTakeTheLeadWhileItsTaskIsOpen() {
			Matter matter = fixtures.in(MatterState.SIGNED, true, false);

			assertInvalid(() -> matter.transfer(MatterFixtures.leader(), CO_UNIT, "改由协办单位主办", POLICY,
					fixtures.tick()), "toUnitId", "matters.task.leadUnit");

			matter.cancelTask(MatterFixtures.leader(), 1, "改为主办", fixtures.tick());
			matter.transfer(MatterFixtures.leader(), CO_UNIT, "改由协办单位主办", POLICY, fixtures.tick());
			assertThat(matter.leadUnitId()).isEqualTo(CO_UNIT);
		}

		@Test
		void aTransferGoesToAnotherUnitWhichMustSignAnew() {
			Matter matter = fixtures.in(MatterState.IN_PROGRESS, false, false);
			fixtures.advance(Duration.ofDays(3));
			Instant at = fixtures.tick();

			assertInvalid(() -> matter.transfer(MatterFixtures.leader(), LEAD_UNIT, "属地调整", POLICY, at), "toUnitId",
					"matters.transfer.sameUnit");
			assertThatThrownBy(() -> matter.transfer(MatterFixtures.handler(), OTHER_UNIT, "属地调整", POLICY, at))
				.isInstanceOf(AccessDeniedException.class);

			matter.transfer(MatterFixtures.leader(), OTHER_UNIT, "属地调整", POLICY, at);

			assertThat(matter.state()).isEqualTo(MatterState.DISPATCHED);
			assertThat(matter.leadUnitId()).isEqualTo(OTHER_UNIT);
			assertThat(matter.signedAt()).isNull();
			assertThat(matter.transferCount()).isEqualTo(1);
			assertThat(matter.deadlines().replyDue()).isEqualTo(at.plus(Duration.ofDays(5)));
			assertThat(matter.pendingEvents()).contains(new MatterTransferred(matter.id(), LEAD_UNIT, OTHER_UNIT,
					at.plus(Duration.ofMinutes(30)), at.plus(Duration.ofDays(5)), at.plus(Duration.ofDays(10)), at));
		}

	}

	@Nested
	class CoHandlingTasks {

		@Test
		void theCoHandlingUnitRecordsItsResult() {
			Matter matter = fixtures.in(MatterState.SIGNED, true, false);

			assertThatThrownBy(() -> matter.recordTaskResult(
					MatterFixtures.staff(EnumSet.of(Role.HANDLER), true, Set.of()), 1, "已开锁", fixtures.tick()))
				.as("the lead unit does not speak for an internal co-handler")
				.isInstanceOf(AccessDeniedException.class);

			matter.recordTaskResult(MatterFixtures.coHandler(), 1, "已开锁", fixtures.tick());

			assertThat(matter.tasks()).singleElement().satisfies(task -> {
				assertThat(task.state()).isEqualTo(TaskState.DONE);
				assertThat(task.result()).isEqualTo("已开锁");
				assertThat(task.completedAt()).isEqualTo(fixtures.now());
			});
			assertConflict(() -> matter.recordTaskResult(MatterFixtures.coHandler(), 1, "again", fixtures.tick()),
					"matters.task.finished");
			assertInvalid(() -> matter.recordTaskResult(MatterFixtures.coHandler(), 2, "x", fixtures.tick()), "taskNo",
					"matters.task.unknown");
		}

		@Test
		void theReplyWaitsForEveryTask() {
			Matter matter = fixtures.in(MatterState.IN_PROGRESS, true, false);

			assertConflict(() -> matter.draftReply(MatterFixtures.handler(), "已处理", null, fixtures.tick()),
					"matters.reply.openTasks");
			assertThat(matter.allowedActions(MatterFixtures.handler())).doesNotContain(MatterAction.DRAFT_REPLY);

			matter.cancelTask(MatterFixtures.handler(), 1, "已自行解决", fixtures.tick());
			matter.draftReply(MatterFixtures.handler(), "已处理", null, fixtures.tick());

			assertThat(matter.state()).isEqualTo(MatterState.REPLY_PENDING_APPROVAL);
		}

		@Test
		void aUnitHasOneOpenTaskAtATime() {
			Matter matter = fixtures.in(MatterState.SIGNED, true, false);

			assertInvalid(() -> matter.addCoHandler(MatterFixtures.handler(),
					new CoHandling(CO_UNIT, "再次协助", null), fixtures.tick()), "unitId",
					"matters.task.duplicate");

			matter.recordTaskResult(MatterFixtures.coHandler(), 1, "已完成", fixtures.tick());
			int taskNo = matter.addCoHandler(MatterFixtures.handler(),
					new CoHandling(CO_UNIT, "再次协助", Instant.parse("2026-04-01T10:00:00Z")),
					fixtures.tick());

			assertThat(taskNo).isEqualTo(2);
			assertThat(matter.tasks().get(1).due()).isEqualTo(Instant.parse("2026-04-01T10:00:00Z"));
		}

	}

	@Nested
	class Extensions {

		@Test
		void anApprovedExtensionMovesTheReplyAndCloseDeadlines() {
			Matter matter = fixtures.in(MatterState.IN_PROGRESS, false, false);
			Deadlines before = matter.deadlines();

			matter.requestExtension(MatterFixtures.handler(), 3, "需调取监控", POLICY, fixtures.tick());
			assertConflict(() -> matter.requestExtension(MatterFixtures.handler(), 1, "再延", POLICY, fixtures.tick()),
					"matters.extension.pending");
			assertThatThrownBy(() -> matter.approveExtension(MatterFixtures.clerk(), null, POLICY, fixtures.tick()))
				.as("the coordinator decides").isInstanceOf(AccessDeniedException.class);

			matter.approveExtension(MatterFixtures.coordinator(), "同意", POLICY, fixtures.tick());

			assertThat(matter.deadlines().replyDue()).isEqualTo(before.replyDue().plus(Duration.ofDays(3)));
			assertThat(matter.deadlines().closeDue()).isEqualTo(before.closeDue().plus(Duration.ofDays(3)));
			assertThat(matter.deadlines().signDue()).isEqualTo(before.signDue());
			assertThat(matter.deadlines().extendedDays()).isEqualTo(3);
			assertThat(matter.pendingExtension()).isNull();
		}

		@Test
		void extensionsAreCappedByThePolicy() {
			Matter matter = fixtures.in(MatterState.IN_PROGRESS, false, false);

			assertInvalid(() -> matter.requestExtension(MatterFixtures.handler(), 11, "很久", POLICY, fixtures.tick()),
					"days", "matters.extension.days");
			assertInvalid(() -> matter.requestExtension(MatterFixtures.handler(), 0, "零", POLICY, fixtures.tick()),
					"days", "matters.extension.days");
			matter.requestExtension(MatterFixtures.handler(), 10, "需要十天", POLICY, fixtures.tick());
			matter.approveExtension(MatterFixtures.coordinator(), null, POLICY, fixtures.tick());

			assertConflict(() -> matter.requestExtension(MatterFixtures.handler(), 1, "再延", POLICY, fixtures.tick()),
					"matters.extension.exhausted");
		}

		@Test
		void aRefusalLeavesTheDeadlines() {
			Matter matter = fixtures.in(MatterState.SIGNED, false, true);
			Deadlines before = matter.deadlines();

			assertInvalid(() -> matter.refuseExtension(MatterFixtures.coordinator(), "", fixtures.tick()), "reason",
					"matters.input.required");
			matter.refuseExtension(MatterFixtures.coordinator(), "时限充足", fixtures.tick());

			assertThat(matter.deadlines()).isEqualTo(before);
			assertThat(matter.pendingExtension()).isNull();
			assertConflict(() -> matter.refuseExtension(MatterFixtures.coordinator(), "x", fixtures.tick()),
					"matters.extension.none");
		}

	}

	@Nested
	class WaitingForTheSubmitter {

		@Test
		void theWaitedTimeIsAddedToTheDeadlines() {
			Matter matter = fixtures.in(MatterState.IN_PROGRESS, false, false);
			Deadlines before = matter.deadlines();

			matter.waitForSubmitter(MatterFixtures.handler(), "请提供门牌号", fixtures.tick());
			assertThat(matter.deadlines().pausedSince()).isEqualTo(fixtures.now());
			fixtures.advance(Duration.ofHours(7));
			matter.resume(MatterFixtures.handler(), null, POLICY, fixtures.tick());

			Duration waited = Duration.ofHours(7).plusMinutes(1);
			assertThat(matter.state()).isEqualTo(MatterState.IN_PROGRESS);
			assertThat(matter.deadlines().replyDue()).isEqualTo(before.replyDue().plus(waited));
			assertThat(matter.deadlines().closeDue()).isEqualTo(before.closeDue().plus(waited));
			assertThat(matter.deadlines().pausedSince()).isNull();
			assertThat(matter.deadlines().pausedWorkingTime()).isEqualTo(waited);
			assertThat(matter.pendingEvents()).filteredOn(MatterResumed.class::isInstance).singleElement()
				.extracting(event -> ((MatterResumed) event).pausedWorkingSeconds())
				.isEqualTo(waited.toSeconds());
		}

		@Test
		void pausesAccumulate() {
			Matter matter = fixtures.in(MatterState.SIGNED, false, false);

			matter.waitForSubmitter(MatterFixtures.handler(), "请补充", fixtures.tick());
			fixtures.advance(Duration.ofMinutes(59));
			matter.resume(MatterFixtures.coordinator(), null, POLICY, fixtures.tick());
			matter.waitForSubmitter(MatterFixtures.handler(), "请再补充", fixtures.tick());
			fixtures.advance(Duration.ofMinutes(29));
			matter.resume(MatterFixtures.handler(), null, POLICY, fixtures.tick());

			assertThat(matter.deadlines().pausedWorkingTime()).isEqualTo(Duration.ofMinutes(90));
		}

		@Test
		void anAnonymousTipOffCannotWait() {
			Intake base = MatterFixtures.intake(MatterKind.TIP_OFF);
			Matter matter = fixtures.received(new Intake(base.channel(), MatterKind.TIP_OFF, null,
					null, "举报赌博窝点", "某小区地下室有人聚众赌博。", null, Submitter.anonymousPerson()));
			matter.dispatch(everyone(), new Dispatch("PUBLIC_ORDER", null, LEAD_UNIT, List.of(), null), POLICY,
					fixtures.tick());
			matter.sign(everyone(), fixtures.tick());

			assertThat(matter.allowedActions(MatterFixtures.handler())).doesNotContain(MatterAction.WAIT_FOR_SUBMITTER);
			assertConflict(() -> matter.waitForSubmitter(MatterFixtures.handler(), "请补充", fixtures.tick()),
					"matters.wait.anonymous");
		}

	}

	@Nested
	class ReplyAndFollowUp {

		@Test
		void theLeaderApprovesTheDraftAndTheSubmitterSeesIt() {
			Matter matter = fixtures.in(MatterState.IN_PROGRESS, false, false);
			matter.draftReply(MatterFixtures.handler(), "门已打开。", "加强巡逻", fixtures.tick());

			assertThat(matter.timeline().get(matter.timeline().size() - 1).visibleToSubmitter()).isFalse();
			assertThatThrownBy(() -> matter.approveReply(MatterFixtures.handler(), POLICY, fixtures.tick()))
				.isInstanceOf(AccessDeniedException.class);

			Instant at = fixtures.tick();
			matter.approveReply(MatterFixtures.leader(), POLICY, at);

			assertThat(matter.state()).isEqualTo(MatterState.REPLIED);
			assertThat(matter.reply().isApproved()).isTrue();
			assertThat(matter.reply().measures()).isEqualTo("加强巡逻");
			assertThat(matter.repliedAt()).isEqualTo(at);
			assertThat(matter.deadlines().reopenDue()).isEqualTo(at.plus(Duration.ofDays(3)));
			TimelineEntry entry = matter.timeline().get(matter.timeline().size() - 1);
			assertThat(entry.action()).isEqualTo(TimelineAction.REPLIED);
			assertThat(entry.visibleToSubmitter()).isTrue();
			assertThat(entry.note()).isEqualTo("门已打开。");
		}

		@Test
		void aRejectedDraftGoesBackToTheHandler() {
			Matter matter = fixtures.in(MatterState.REPLY_PENDING_APPROVAL, false, false);

			matter.rejectReply(MatterFixtures.leader(), "请补充整改措施", fixtures.tick());

			assertThat(matter.state()).isEqualTo(MatterState.IN_PROGRESS);
			assertThat(matter.reply().isApproved()).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = Satisfaction.class, names = "UNSATISFIED", mode = EnumSource.Mode.EXCLUDE)
		void aSatisfiedFollowUpCloses(Satisfaction satisfaction) {
			Matter matter = fixtures.in(MatterState.REPLIED, false, false);

			matter.recordFollowUp(Actor.submitter(), satisfaction, "谢谢民警", POLICY, fixtures.tick());

			assertThat(matter.state()).isEqualTo(MatterState.CLOSED);
			assertThat(matter.followUp().bySubmitter()).isTrue();
			assertThat(matter.pendingEvents()).filteredOn(MatterClosed.class::isInstance).singleElement()
				.extracting(event -> ((MatterClosed) event).satisfaction())
				.isEqualTo(satisfaction);
		}

		@Test
		void anUnsatisfiedFollowUpWithinTheWindowReopensUnderSupervision() {
			Matter matter = fixtures.in(MatterState.REPLIED, false, false);
			fixtures.advance(Duration.ofDays(3).minusMinutes(1));
			Instant at = fixtures.tick();
			assertThat(at).isEqualTo(matter.deadlines().reopenDue());

			matter.recordFollowUp(MatterFixtures.coordinator(), Satisfaction.UNSATISFIED, "门锁被破坏没人管", POLICY, at);

			assertThat(matter.state()).isEqualTo(MatterState.REOPENED);
			assertThat(matter.leadUnitId()).as("the same unit").isEqualTo(LEAD_UNIT);
			assertThat(matter.supervised()).isTrue();
			assertThat(matter.reopenCount()).isEqualTo(1);
			assertThat(matter.deadlines().replyDue()).isEqualTo(at.plus(Duration.ofDays(5)));
			assertThat(matter.pendingEvents()).contains(
					new MatterReopened(matter.id(), LEAD_UNIT, 1, at.plus(Duration.ofDays(5)), at.plus(Duration.ofDays(10)),
							at),
					new MatterSupervised(matter.id(), LEAD_UNIT, true, at));

			matter.draftReply(MatterFixtures.handler(), "已联系物业修锁。", null, fixtures.tick());
			matter.approveReply(MatterFixtures.leader(), POLICY, fixtures.tick());
			assertThat(matter.followUp()).as("a new reply is followed up anew").isNull();
			matter.recordFollowUp(MatterFixtures.coordinator(), Satisfaction.SATISFIED, null, POLICY, fixtures.tick());
			assertThat(matter.state()).isEqualTo(MatterState.CLOSED);
		}

		@Test
		void anUnsatisfiedFollowUpAfterTheWindowLeavesItForTheCoordinatorToClose() {
			Matter matter = fixtures.in(MatterState.REPLIED, false, false);
			fixtures.advance(Duration.ofDays(3));

			Actor coordinator = MatterFixtures.coordinator();
			matter.recordFollowUp(coordinator, Satisfaction.UNSATISFIED, "不满意", POLICY, fixtures.tick());

			assertThat(matter.state()).isEqualTo(MatterState.REPLIED);
			assertThat(matter.reopenCount()).isZero();
			assertConflict(() -> matter.recordFollowUp(MatterFixtures.coordinator(), Satisfaction.SATISFIED, null,
					POLICY, fixtures.tick()), "matters.followUp.recorded");

			matter.close(MatterFixtures.coordinator(), "超过重办时限", fixtures.tick());

			assertThat(matter.state()).isEqualTo(MatterState.CLOSED);
			assertThat(matter.pendingEvents()).filteredOn(MatterClosed.class::isInstance).singleElement()
				.extracting(event -> ((MatterClosed) event).satisfaction())
				.isEqualTo(Satisfaction.UNSATISFIED);
		}

		@Test
		void aHandlerDoesNotFollowUpTheirOwnReply() {
			Matter matter = fixtures.in(MatterState.REPLIED, false, false);

			assertThatThrownBy(() -> matter.recordFollowUp(MatterFixtures.handler(), Satisfaction.SATISFIED, null,
					POLICY, fixtures.tick())).isInstanceOf(AccessDeniedException.class);
			assertInvalid(() -> matter.recordFollowUp(MatterFixtures.coordinator(), null, null, POLICY, fixtures.tick()),
					"satisfaction", "matters.input.required");
		}

	}

	@Nested
	class Duplicates {

		@Test
		void aMergedMatterStopsAndClosesWithItsMaster() {
			Matter duplicate = fixtures.in(MatterState.SIGNED, true, false);
			Matter master = fixtures.in(MatterState.IN_PROGRESS, false, false);

			duplicate.mergeInto(MatterFixtures.coordinator(), master, fixtures.tick());

			assertThat(duplicate.state()).isEqualTo(MatterState.MERGED);
			assertThat(duplicate.mergedInto()).isEqualTo(master.id());
			assertThat(duplicate.tasks()).allSatisfy(task -> assertThat(task.state()).isEqualTo(TaskState.CANCELLED));
			assertThat(duplicate.deadlines().replyDue()).isNull();

			master.draftReply(MatterFixtures.handler(), "已统一处理。", null, fixtures.tick());
			master.approveReply(MatterFixtures.leader(), POLICY, fixtures.tick());
			master.close(MatterFixtures.coordinator(), null, fixtures.tick());
			duplicate.followMaster(master, fixtures.tick());

			assertThat(duplicate.state()).isEqualTo(MatterState.CLOSED);
			assertThat(duplicate.reply().text()).isEqualTo("已统一处理。");
			assertThat(duplicate.pendingEvents()).filteredOn(MatterClosed.class::isInstance).singleElement()
				.extracting(event -> ((MatterClosed) event).followedMaster())
				.isEqualTo(true);
		}

		@Test
		void aMasterMustBeAnotherOpenMatter() {
			Matter duplicate = fixtures.received();
			Matter closed = fixtures.in(MatterState.CLOSED, false, false);

			assertConflict(() -> duplicate.mergeInto(MatterFixtures.coordinator(), closed, fixtures.tick()),
					"matters.merge.masterNotOpen");
			assertInvalid(() -> duplicate.mergeInto(MatterFixtures.coordinator(), duplicate, fixtures.tick()), "masterId",
					"matters.merge.self");
			assertInvalid(() -> duplicate.linkTo(MatterFixtures.coordinator(), duplicate, fixtures.tick()), "otherId",
					"matters.link.self");
			assertThat(duplicate.state()).isEqualTo(MatterState.RECEIVED);
		}

		@Test
		void aLinkedMatterGoesOn() {
			Matter matter = fixtures.in(MatterState.SIGNED, false, false);
			Matter other = fixtures.received();

			matter.linkTo(MatterFixtures.clerk(), other, fixtures.tick());

			assertThat(matter.duplicateOf()).isEqualTo(other.id());
			assertThat(matter.state()).isEqualTo(MatterState.SIGNED);
		}

	}

	@Nested
	class Supervision {

		@Test
		void aCoordinatorOrTheSystemSupervises() {
			Matter matter = fixtures.in(MatterState.IN_PROGRESS, false, false);

			assertThatThrownBy(() -> matter.supervise(MatterFixtures.clerk(), null, fixtures.tick()))
				.isInstanceOf(AccessDeniedException.class);
			matter.supervise(MatterFixtures.coordinator(), "请今日内答复", fixtures.tick());
			matter.supervise(Actor.system(), null, fixtures.tick());

			assertThat(matter.supervised()).isTrue();
			assertThat(matter.supervisionCount()).isEqualTo(2);
			assertThat(matter.pendingEvents()).filteredOn(MatterSupervised.class::isInstance)
				.extracting(event -> ((MatterSupervised) event).automatic())
				.containsExactly(false, true);
		}

	}

	@Nested
	class Auditing {

		@Test
		void theAuditViewMasksTheSubmitter() {
			Matter matter = fixtures.received(new Intake(Channel.WALK_IN, MatterKind.ENQUIRY, null,
					null, "咨询户口迁移", "如何办理户口迁入？", null,
					new Submitter(false, "欧阳娜娜", "13847215678", "11010519491231002X", null, null)));

			Map<String, Object> view = matter.auditView();

			assertThat(view).containsEntry("submitterName", "欧*")
				.containsEntry("submitterPhone", "138****5678")
				.containsEntry("submitterIdNumber", "110105********002X");
			assertThat(view.values()).doesNotContain("13847215678", "11010519491231002X", "欧阳娜娜");
		}

	}

	@Nested
	class Actions {

		@Test
		void eachPartySeesItsOwnButtons() {
			Matter matter = fixtures.in(MatterState.SIGNED, false, false);

			assertThat(matter.allowedActions(MatterFixtures.handler())).containsExactlyInAnyOrder(
					MatterAction.RECORD_PROGRESS, MatterAction.ADD_CO_HANDLER, MatterAction.REQUEST_EXTENSION,
					MatterAction.WAIT_FOR_SUBMITTER, MatterAction.DRAFT_REPLY);
			assertThat(matter.allowedActions(MatterFixtures.leader())).containsExactlyInAnyOrder(MatterAction.RETURN,
					MatterAction.TRANSFER, MatterAction.RECORD_PROGRESS, MatterAction.ADD_CO_HANDLER,
					MatterAction.REQUEST_EXTENSION, MatterAction.WAIT_FOR_SUBMITTER, MatterAction.DRAFT_REPLY);
			assertThat(matter.allowedActions(MatterFixtures.coordinator())).containsExactlyInAnyOrder(
					MatterAction.TRANSFER, MatterAction.ADD_CO_HANDLER, MatterAction.LINK, MatterAction.MERGE,
					MatterAction.SUPERVISE);
			assertThat(matter.allowedActions(MatterFixtures.clerk())).containsExactlyInAnyOrder(MatterAction.TRANSFER,
					MatterAction.ADD_CO_HANDLER, MatterAction.LINK, MatterAction.MERGE);
			assertThat(matter.allowedActions(MatterFixtures.staff(EnumSet.of(Role.HANDLER), false, Set.of())))
				.isEmpty();
		}

	}

}
