package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.matters.TimelineEntry.ActorType;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/** The desk against the database: the loop end to end, data scope, versions, audit and events. */
@RecordApplicationEvents
class MatterDeskTest extends MatterSpringTest {

	@Autowired
	ApplicationEvents events;

	private long dispatched(Intake intake, long leadUnit, List<CoHandling> coHandlers) {
		long id = desk.intake(clerk(), intake).id();
		desk.dispatch(coordinator(), id, version(id),
				new Dispatch(intake.categoryCode(), null, leadUnit, coHandlers, null));
		return id;
	}

	private static Map<String, Object> values(Map<String, ?> map) {
		return new LinkedHashMap<>(map);
	}

	private static void assertNotFound(Runnable action) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(NotFoundException.class,
				e -> assertThat(e.messageKey()).isEqualTo("matters.notFound"));
	}

	@Test
	void theWholeLoopFromIntakeToASatisfiedClose() {
		CurrentStaff handler = staff(Role.HANDLER, stationA);
		CurrentStaff leader = staff(Role.UNIT_LEADER, stationA);

		Receipt receipt = desk.intake(clerk(), lockedOut());
		assertThat(receipt.trackingCode()).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}");
		long id = receipt.id();
		desk.dispatch(coordinator(), id, version(id), new Dispatch("EMERGENCY", Urgency.CRITICAL, stationA,
				List.of(new CoHandling(locksmith, "请开锁师傅到场", null)), "清明假期，请速处置"));
		desk.sign(handler, id, version(id));
		desk.recordTaskResult(handler, id, version(id), 1, "开锁师傅到场开锁，孩子安全");
		desk.draftReply(handler, id, version(id), "已协调开锁师傅到场开门，孩子安全。", null);
		desk.approveReply(leader, id, version(id));
		desk.recordFollowUp(coordinator(), id, version(id), Satisfaction.UNSATISFIED, "门锁被破坏，无人跟进");

		MatterDetails reopened = desk.details(handler, id);
		assertThat(reopened.state()).isEqualTo(MatterState.REOPENED);
		assertThat(reopened.supervised()).isTrue();
		assertThat(reopened.leadUnitId()).isEqualTo(stationA);

		desk.draftReply(handler, id, version(id), "已联系物业更换门锁。", "加强辖区开锁服务联动");
		desk.approveReply(leader, id, version(id));
		desk.recordFollowUpBySubmitter(receipt.trackingCode().toLowerCase(), "5678", Satisfaction.SATISFIED, "感谢民警");

		MatterDetails closed = desk.details(coordinator(), id);
		assertThat(closed.state()).isEqualTo(MatterState.CLOSED);
		assertThat(closed.reopenCount()).isEqualTo(1);
		assertThat(closed.followUp().bySubmitter()).isTrue();
		assertThat(closed.reply().measures()).isEqualTo("加强辖区开锁服务联动");
		assertThat(closed.tasks()).singleElement().satisfies(task -> {
			assertThat(task.state()).isEqualTo(TaskState.DONE);
			assertThat(task.recordedBy()).isEqualTo(handler.officerId());
		});
		assertThat(closed.timeline()).extracting(TimelineEntry::action).containsExactly(TimelineAction.RECEIVED,
				TimelineAction.DISPATCHED, TimelineAction.CO_HANDLING_REQUESTED, TimelineAction.SIGNED,
				TimelineAction.CO_HANDLING_DONE, TimelineAction.REPLY_DRAFTED, TimelineAction.REPLIED,
				TimelineAction.FOLLOWED_UP, TimelineAction.REOPENED, TimelineAction.REPLY_DRAFTED,
				TimelineAction.REPLIED, TimelineAction.FOLLOWED_UP, TimelineAction.CLOSED);
		assertThat(closed.timeline()).filteredOn(TimelineEntry::visibleToSubmitter)
			.extracting(TimelineEntry::action)
			.doesNotContain(TimelineAction.CO_HANDLING_REQUESTED, TimelineAction.REPLY_DRAFTED);
		assertThat(closed.timeline().get(closed.timeline().size() - 2).actorType()).isEqualTo(ActorType.SUBMITTER);
		assertThat(closed.allowedActions()).containsExactly(MatterAction.LINK);

		assertThat(audit.actions()).containsExactly("matter.create", "matter.dispatch", "matter.sign",
				"matter.coHandling.result", "matter.reply.draft", "matter.reply.approve", "matter.followUp",
				"matter.reply.draft", "matter.reply.approve", "matter.followUp");
		assertThat(events.stream(MatterEvent.class).filter(event -> event.matterId() == id).map(Object::getClass))
			.containsExactly(MatterReceived.class, MatterDispatched.class, CoHandlingRequested.class, MatterSigned.class,
					CoHandlingCompleted.class, MatterReplyDrafted.class, MatterReplied.class, MatterFollowedUp.class,
					MatterReopened.class, MatterSupervised.class, MatterReplyDrafted.class, MatterReplied.class,
					MatterFollowedUp.class, MatterClosed.class);
	}

	@Test
	void everythingAMatterHoldsIsStored() {
		long id = dispatched(complaint(), stationB, List.of(new CoHandling(brigade, "请治安大队协助", null)));
		CurrentStaff handler = staff(Role.HANDLER, stationB);
		desk.sign(handler, id, version(id));
		desk.requestExtension(handler, id, version(id), 3, "需约谈物业");

		MatterDetails details = desk.details(coordinator(), id);

		assertThat(details.place()).isEqualTo(complaint().place());
		assertThat(details.submitter()).isEqualTo(complaint().submitter());
		assertThat(details.kind()).isEqualTo(MatterKind.COMPLAINT);
		assertThat(details.channel()).isEqualTo(Channel.WALK_IN);
		assertThat(details.categoryCode()).isEqualTo("PUBLIC_ORDER");
		assertThat(details.pendingExtension().days()).isEqualTo(3);
		assertThat(details.pendingExtension().requestedByName()).isEqualTo(handler.officerName());
		assertThat(details.tasks()).singleElement().satisfies(task -> {
			assertThat(task.unitId()).isEqualTo(brigade);
			assertThat(task.due()).isEqualTo(details.deadlines().replyDue());
		});
		assertThat(details.timeline()).hasSize(5);
		assertThat(details.version()).as("saved four times: inserted at 0, then one per action").isEqualTo(3);
		assertThat(details.allowedActions()).contains(MatterAction.APPROVE_EXTENSION, MatterAction.REFUSE_EXTENSION);
	}

	@Test
	void theSubmittersPersonalDataIsMaskedInTheAuditTrail() {
		desk.intake(clerk(), complaint());

		AuditRecord created = audit.records().get(0);
		assertThat(created.module()).isEqualTo("matters");
		assertThat(values(created.after())).containsEntry("submitterPhone", "159****1234")
			.containsEntry("submitterIdNumber", "110105********002X")
			.containsEntry("submitterName", "赵*");
		assertThat(created.toString()).doesNotContain("15904721234", "11010519491231002X", "赵先生");
	}

	@Test
	void anAuditRecordShowsWhatChanged() {
		long id = dispatched(complaint(), stationB, List.of());
		audit.clear();

		desk.sign(staff(Role.HANDLER, stationB), id, version(id));

		AuditRecord signed = audit.records().get(0);
		assertThat(signed.action()).isEqualTo("matter.sign");
		assertThat(signed.targetId()).isEqualTo(String.valueOf(id));
		assertThat(values(signed.before())).containsOnly(entry("state", MatterState.DISPATCHED),
				entry("lastAction", TimelineAction.DISPATCHED));
		assertThat(values(signed.after())).containsOnly(entry("state", MatterState.SIGNED),
				entry("lastAction", TimelineAction.SIGNED));
	}

	@Test
	void badInputChangesNothing() {
		long before = jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
		Intake good = complaint();

		assertThatThrownBy(() -> desk.intake(clerk(), new Intake(good.channel(), good.kind(), good.categoryCode(),
				null, good.title(), good.description(), null, Submitter.person("赵先生", "1590472123"))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("submitter.phone"));
		assertThatThrownBy(() -> desk.intake(clerk(), new Intake(good.channel(), good.kind(), "NO_SUCH", null,
				good.title(), good.description(), null, good.submitter())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.messageKey()).isEqualTo("matters.category.unknown"));
		assertThatThrownBy(() -> desk.intake(clerk(), new Intake(Channel.PORTAL, good.kind(), null, null, good.title(),
				good.description(), null, good.submitter())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.messageKey()).isEqualTo("matters.channel.publicOnly"));
		assertThatThrownBy(() -> desk.intake(staff(Role.HANDLER, stationA), good))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single()).isEqualTo(before);
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void dispatchNeedsAKnownCategoryAndAPoliceLeadUnit() {
		long id = desk.intake(clerk(), complaint()).id();

		assertThatThrownBy(() -> desk.dispatch(coordinator(), id, 0, new Dispatch("NO_SUCH", null, stationA, List.of(),
				null))).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.field()).isEqualTo("categoryCode"));
		assertThatThrownBy(() -> desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, locksmith,
				List.of(), null))).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.messageKey()).isEqualTo("matters.unit.externalLead"));
		assertThatThrownBy(() -> desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, 999_999L,
				List.of(), null))).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.messageKey()).isEqualTo("matters.unit.unknown"));
		assertThatThrownBy(() -> desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, stationA,
				List.of(new CoHandling(999_999L, "请协助", null)), null))).isInstanceOf(InvalidInputException.class);

		assertThat(state(id)).isEqualTo(MatterState.RECEIVED);
		assertThat(version(id)).isZero();
	}

	@Test
	void aPublicSubmissionComesFromThePortal() {
		Intake portal = new Intake(Channel.PORTAL, MatterKind.TIP_OFF, null, null, "举报电信诈骗窝点",
				"某写字楼有人冒充客服打电话。", null, Submitter.anonymousPerson());

		Receipt receipt = desk.submit(portal);

		MatterDetails details = desk.details(coordinator(), receipt.id());
		assertThat(details.channel()).isEqualTo(Channel.PORTAL);
		assertThat(details.submitter().anonymous()).isTrue();
		assertThat(details.timeline().get(0).actorType()).isEqualTo(ActorType.SUBMITTER);
		assertThatThrownBy(() -> desk.submit(complaint())).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aStaleVersionIsAConflictAndWritesNothing() {
		long id = dispatched(complaint(), stationB, List.of());
		int seen = version(id);
		desk.addCoHandler(coordinator(), id, seen, new CoHandling(brigade, "请协助", null));
		audit.clear();

		assertThatThrownBy(() -> desk.sign(staff(Role.HANDLER, stationB), id, seen))
			.isInstanceOfSatisfying(ConflictException.class,
					e -> assertThat(e.messageKey()).isEqualTo("matters.conflict.stale"));

		assertThat(state(id)).isEqualTo(MatterState.DISPATCHED);
		assertThat(audit.records()).isEmpty();
	}

	@Test
	void anotherStationNeitherSeesNorActsOnTheMatter() {
		long id = dispatched(lockedOut(), stationA, List.of());
		int version = version(id);

		for (Role role : List.of(Role.HANDLER, Role.UNIT_LEADER)) {
			CurrentStaff stranger = staff(role, stationB);
			assertNotFound(() -> desk.details(stranger, id));
			assertNotFound(() -> desk.sign(stranger, id, version));
			assertNotFound(() -> desk.returnToCoordinators(stranger, id, version, "不归我所"));
			assertNotFound(() -> desk.recordProgress(stranger, id, version, "x"));
		}
		assertThat(version(id)).isEqualTo(version);
		assertThat(audit.actions()).containsExactly("matter.create", "matter.dispatch");
	}

	@Test
	void aUnitSeesItsSubtreeButNotItsParent() {
		long ledByTeam = dispatched(lockedOut(), teamA, List.of());
		long ledByStation = dispatched(complaint(), stationA, List.of());

		desk.sign(staff(Role.UNIT_LEADER, stationA), ledByTeam, version(ledByTeam));
		assertThat(state(ledByTeam)).isEqualTo(MatterState.SIGNED);

		assertNotFound(() -> desk.details(staff(Role.HANDLER, teamA), ledByStation));
		assertNotFound(() -> desk.details(staff(Role.HANDLER, stationB), ledByTeam));
	}

	@Test
	void aCoHandlingUnitSeesTheMatterAndRecordsItsPartOnly() {
		long id = dispatched(complaint(), stationA, List.of(new CoHandling(stationB, "请核实本辖区情况", null)));
		CurrentStaff coHandler = staff(Role.HANDLER, stationB);

		MatterDetails seen = desk.details(coHandler, id);
		assertThat(seen.allowedActions()).containsExactly(MatterAction.RECORD_TASK_RESULT);
		assertThatThrownBy(() -> desk.sign(coHandler, id, seen.version())).isInstanceOf(AccessDeniedException.class);

		desk.recordTaskResult(coHandler, id, seen.version(), 1, "已核实，属实");

		assertThat(desk.details(coordinator(), id).tasks().get(0).state()).isEqualTo(TaskState.DONE);
	}

	@Test
	void anOutsideAgencysResultIsRecordedByTheLeadUnitOrACoordinator() {
		long id = dispatched(lockedOut(), stationA, List.of(new CoHandling(locksmith, "请开锁", null)));

		assertThatThrownBy(() -> desk.recordTaskResult(staff(Role.HANDLER, brigade), id, version(id), 1, "x"))
			.isInstanceOf(NotFoundException.class);
		assertThat(desk.details(staff(Role.HANDLER, stationA), id).allowedActions())
			.contains(MatterAction.RECORD_TASK_RESULT);
		desk.recordTaskResult(coordinator(), id, version(id), 1, "开锁公司已到场");

		assertThat(desk.details(coordinator(), id).tasks().get(0).result()).isEqualTo("开锁公司已到场");
	}

	@Test
	void theBranchLeaderReadsAllAndWritesNone() {
		long id = dispatched(lockedOut(), stationA, List.of());
		CurrentStaff branchLeader = staff(Role.BRANCH_LEADER, branch);

		MatterDetails details = desk.details(branchLeader, id);

		assertThat(details.allowedActions()).isEmpty();
		assertThatThrownBy(() -> desk.sign(branchLeader, id, details.version()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> desk.supervise(branchLeader, id, details.version(), null))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(version(id)).isEqualTo(details.version());
	}

	@Test
	void administratorsSeeNoMatters() {
		long id = desk.intake(clerk(), complaint()).id();

		for (Role role : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR, Role.POLITICAL_WORK)) {
			assertNotFound(() -> desk.details(staff(role, branch), id));
		}
	}

	@Test
	void aMergedMatterClosesWithItsMaster() throws InterruptedException {
		long master = dispatched(lockedOut(), stationA, List.of());
		long duplicate = desk.intake(clerk(), lockedOut()).id();
		desk.merge(coordinator(), duplicate, version(duplicate), master);
		assertThat(state(duplicate)).isEqualTo(MatterState.MERGED);

		CurrentStaff handler = staff(Role.HANDLER, stationA);
		desk.sign(handler, master, version(master));
		desk.draftReply(handler, master, version(master), "门已打开。", null);
		desk.approveReply(staff(Role.UNIT_LEADER, stationA), master, version(master));
		desk.close(coordinator(), master, version(master), "已电话回访未接通");

		for (int i = 0; i < 50 && state(duplicate) != MatterState.CLOSED; i++) {
			Thread.sleep(100);
		}
		MatterDetails closed = desk.details(coordinator(), duplicate);
		assertThat(closed.state()).isEqualTo(MatterState.CLOSED);
		assertThat(closed.mergedInto()).isEqualTo(master);
		assertThat(closed.reply().text()).isEqualTo("门已打开。");
		assertThat(closed.timeline().get(closed.timeline().size() - 1).actorType()).isEqualTo(ActorType.SYSTEM);
	}

	@Test
	void aSubmitterProvesTheMatterIsTheirs() {
		long id = dispatched(complaint(), stationB, List.of());
		String code = desk.details(coordinator(), id).trackingCode();
		CurrentStaff handler = staff(Role.HANDLER, stationB);
		desk.sign(handler, id, version(id));
		desk.draftReply(handler, id, version(id), "已劝导。", null);
		desk.approveReply(staff(Role.UNIT_LEADER, stationB), id, version(id));

		assertNotFound(() -> desk.recordFollowUpBySubmitter(code, "0000", Satisfaction.SATISFIED, null));
		assertNotFound(() -> desk.recordFollowUpBySubmitter("ABCDEFGHJKLM", "1234", Satisfaction.SATISFIED, null));
		assertNotFound(() -> desk.recordFollowUpBySubmitter("' OR 1=1 --", "1234", Satisfaction.SATISFIED, null));
		assertThat(state(id)).isEqualTo(MatterState.REPLIED);

		desk.recordFollowUpBySubmitter(code, "1234", Satisfaction.BASICALLY_SATISFIED, null);
		assertThat(state(id)).isEqualTo(MatterState.CLOSED);
	}

	@Test
	void anOverdueMatterIsSupervisedOnceItIsStillOpen() {
		long id = dispatched(complaint(), stationB, List.of());

		assertThat(desk.superviseOverdue(id)).isTrue();
		assertThat(desk.details(coordinator(), id).supervised()).isTrue();

		desk.merge(coordinator(), id, version(id), desk.intake(clerk(), complaint()).id());
		assertThat(desk.superviseOverdue(id)).isFalse();
	}

	@Test
	void theReopenWindowIsCountedInWorkingDays() {
		clock.set(at("2026-02-13T16:00"));
		long id = dispatched(complaint(), stationB, List.of());
		CurrentStaff handler = staff(Role.HANDLER, stationB);
		desk.sign(handler, id, version(id));
		desk.draftReply(handler, id, version(id), "已劝导。", null);
		desk.approveReply(staff(Role.UNIT_LEADER, stationB), id, version(id));
		// 3 working days after Friday 13 February: the worked Saturday 14th, then (after 春节) the 24th and 25th.
		assertThat(desk.details(coordinator(), id).deadlines().reopenDue()).isEqualTo(at("2026-02-25T16:00"));

		clock.set(at("2026-02-25T16:01"));
		desk.recordFollowUp(coordinator(), id, version(id), Satisfaction.UNSATISFIED, "仍有噪音");

		assertThat(state(id)).as("too late to reopen").isEqualTo(MatterState.REPLIED);
	}

	@Test
	void rolesCombine() {
		long id = desk.intake(clerk(), complaint()).id();
		CurrentStaff both = staff(EnumSet.of(Role.COORDINATOR, Role.UNIT_LEADER), stationA);

		desk.dispatch(both, id, 0, new Dispatch("PUBLIC_ORDER", null, stationA, List.of(), null));
		desk.sign(both, id, version(id));

		assertThat(state(id)).isEqualTo(MatterState.SIGNED);
		assertThat(audit.records()).extracting(AuditRecord::after)
			.allSatisfy(after -> assertThat(after).isInstanceOf(Map.class));
		clock.advance(Duration.ofMinutes(1));
	}

}
