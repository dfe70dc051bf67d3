package cn.shouhu.matters;

import static cn.shouhu.matters.MatterAction.*;
import static cn.shouhu.matters.MatterState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;

import cn.shouhu.shared.ConflictException;

/**
 * Every action in every state: the allowed ones reach the expected state, append a timeline entry and register
 * the expected event; the forbidden ones fail with the action's conflict message and change nothing. The table
 * below is written out by hand, independently of {@link MatterAction}, so that a change to either shows here.
 */
class MatterTransitionsTest {

	/** state → action → the state it leads to. Anything not listed is forbidden. */
	private static final Map<MatterState, Map<MatterAction, MatterState>> ALLOWED = new EnumMap<>(MatterState.class);

	static {
		allow(RECEIVED, DISPATCH, DISPATCHED);
		allow(RECEIVED, LINK, RECEIVED);
		allow(RECEIVED, MERGE, MERGED);

		allow(DISPATCHED, SIGN, SIGNED);
		allow(DISPATCHED, RETURN, RETURNED);
		allow(DISPATCHED, TRANSFER, DISPATCHED);
		allow(DISPATCHED, ADD_CO_HANDLER, DISPATCHED);
		allow(DISPATCHED, RECORD_TASK_RESULT, DISPATCHED);
		allow(DISPATCHED, CANCEL_TASK, DISPATCHED);
		allow(DISPATCHED, LINK, DISPATCHED);
		allow(DISPATCHED, MERGE, MERGED);
		allow(DISPATCHED, SUPERVISE, DISPATCHED);

		for (MatterState working : List.of(SIGNED, IN_PROGRESS, REOPENED)) {
			allow(working, RECORD_PROGRESS, IN_PROGRESS);
			allow(working, TRANSFER, DISPATCHED);
			allow(working, ADD_CO_HANDLER, working);
			allow(working, RECORD_TASK_RESULT, working);
			allow(working, CANCEL_TASK, working);
			allow(working, REQUEST_EXTENSION, working);
			allow(working, APPROVE_EXTENSION, working);
			allow(working, REFUSE_EXTENSION, working);
			allow(working, WAIT_FOR_SUBMITTER, WAITING_FOR_SUBMITTER);
			allow(working, DRAFT_REPLY, REPLY_PENDING_APPROVAL);
			allow(working, LINK, working);
			allow(working, MERGE, MERGED);
			allow(working, SUPERVISE, working);
		}
		allow(SIGNED, RETURN, RETURNED);

		allow(WAITING_FOR_SUBMITTER, ADD_CO_HANDLER, WAITING_FOR_SUBMITTER);
		allow(WAITING_FOR_SUBMITTER, RECORD_TASK_RESULT, WAITING_FOR_SUBMITTER);
		allow(WAITING_FOR_SUBMITTER, CANCEL_TASK, WAITING_FOR_SUBMITTER);
		allow(WAITING_FOR_SUBMITTER, REQUEST_EXTENSION, WAITING_FOR_SUBMITTER);
		allow(WAITING_FOR_SUBMITTER, APPROVE_EXTENSION, WAITING_FOR_SUBMITTER);
		allow(WAITING_FOR_SUBMITTER, REFUSE_EXTENSION, WAITING_FOR_SUBMITTER);
		allow(WAITING_FOR_SUBMITTER, RESUME, IN_PROGRESS);
		allow(WAITING_FOR_SUBMITTER, LINK, WAITING_FOR_SUBMITTER);
		allow(WAITING_FOR_SUBMITTER, MERGE, MERGED);
		allow(WAITING_FOR_SUBMITTER, SUPERVISE, WAITING_FOR_SUBMITTER);

		allow(REPLY_PENDING_APPROVAL, APPROVE_EXTENSION, REPLY_PENDING_APPROVAL);
		allow(REPLY_PENDING_APPROVAL, REFUSE_EXTENSION, REPLY_PENDING_APPROVAL);
		allow(REPLY_PENDING_APPROVAL, APPROVE_REPLY, REPLIED);
		allow(REPLY_PENDING_APPROVAL, REJECT_REPLY, IN_PROGRESS);
		allow(REPLY_PENDING_APPROVAL, LINK, REPLY_PENDING_APPROVAL);
		allow(REPLY_PENDING_APPROVAL, SUPERVISE, REPLY_PENDING_APPROVAL);

		allow(REPLIED, RECORD_FOLLOW_UP, CLOSED);
		allow(REPLIED, CLOSE, CLOSED);
		allow(REPLIED, LINK, REPLIED);

		allow(RETURNED, DISPATCH, DISPATCHED);
		allow(RETURNED, RECORD_TASK_RESULT, RETURNED);
		allow(RETURNED, CANCEL_TASK, RETURNED);
		allow(RETURNED, LINK, RETURNED);
		allow(RETURNED, MERGE, MERGED);

		allow(CLOSED, LINK, CLOSED);

		allow(MERGED, FOLLOW_MASTER, CLOSED);
	}

	private static void allow(MatterState from, MatterAction action, MatterState to) {
		ALLOWED.computeIfAbsent(from, state -> new EnumMap<>(MatterAction.class)).put(action, to);
	}

	/** The event each action registers. */
	private static final Map<MatterAction, Class<? extends MatterEvent>> EVENTS = new EnumMap<>(Map.ofEntries(
			Map.entry(DISPATCH, MatterDispatched.class), Map.entry(SIGN, MatterSigned.class),
			Map.entry(RETURN, MatterReturned.class), Map.entry(TRANSFER, MatterTransferred.class),
			Map.entry(RECORD_PROGRESS, MatterProgressRecorded.class), Map.entry(ADD_CO_HANDLER, CoHandlingRequested.class),
			Map.entry(RECORD_TASK_RESULT, CoHandlingCompleted.class), Map.entry(CANCEL_TASK, CoHandlingCancelled.class),
			Map.entry(REQUEST_EXTENSION, MatterExtensionRequested.class),
			Map.entry(APPROVE_EXTENSION, MatterExtensionApproved.class),
			Map.entry(REFUSE_EXTENSION, MatterExtensionRefused.class), Map.entry(WAIT_FOR_SUBMITTER, MatterPaused.class),
			Map.entry(RESUME, MatterResumed.class), Map.entry(DRAFT_REPLY, MatterReplyDrafted.class),
			Map.entry(APPROVE_REPLY, MatterReplied.class), Map.entry(REJECT_REPLY, MatterReplyRejected.class),
			Map.entry(RECORD_FOLLOW_UP, MatterFollowedUp.class), Map.entry(CLOSE, MatterClosed.class),
			Map.entry(LINK, MatterLinked.class), Map.entry(MERGE, MatterMerged.class),
			Map.entry(SUPERVISE, MatterSupervised.class), Map.entry(FOLLOW_MASTER, MatterClosed.class)));

	static Stream<Arguments> allowed() {
		List<Arguments> pairs = new ArrayList<>();
		ALLOWED.forEach(
				(state, actions) -> actions.forEach((action, to) -> pairs.add(Arguments.of(state, action, to))));
		return pairs.stream();
	}

	static Stream<Arguments> forbidden() {
		List<Arguments> pairs = new ArrayList<>();
		for (MatterState state : MatterState.values()) {
			for (MatterAction action : MatterAction.values()) {
				if (!ALLOWED.getOrDefault(state, Map.of()).containsKey(action)) {
					pairs.add(Arguments.of(state, action));
				}
			}
		}
		return pairs.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedTransition(MatterState from, MatterAction action, MatterState to) {
		MatterFixtures fixtures = new MatterFixtures();
		Matter matter = fixture(fixtures, from, action);
		int entries = matter.timeline().size();
		int events = matter.pendingEvents().size();

		perform(fixtures, matter, action);

		assertThat(matter.state()).isEqualTo(to);
		assertThat(matter.timeline()).hasSizeGreaterThan(entries);
		List<Object> all = new ArrayList<>(matter.pendingEvents());
		List<Object> registered = all.subList(events, all.size());
		assertThat(registered).hasAtLeastOneElementOfType(EVENTS.get(action));
		assertThat(registered).allSatisfy(event -> assertThat(((MatterEvent) event).matterId()).isEqualTo(matter.id()));
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("forbidden")
	void forbiddenTransition(MatterState from, MatterAction action) {
		MatterFixtures fixtures = new MatterFixtures();
		Matter matter = fixture(fixtures, from, action);
		Map<String, Object> before = matter.auditView();
		int entries = matter.timeline().size();
		int events = matter.pendingEvents().size();

		assertThatThrownBy(() -> perform(fixtures, matter, action)).isInstanceOf(ConflictException.class)
			.extracting(e -> ((ConflictException) e).messageKey())
			.isEqualTo("matters.conflict." + action.name());

		assertThat(matter.state()).isEqualTo(from);
		assertThat(matter.auditView()).isEqualTo(before);
		assertThat(matter.timeline()).hasSize(entries);
		assertThat(matter.pendingEvents()).hasSize(events);
	}

	/** The buttons a page shows are exactly the allowed transitions, for an actor who holds every role. */
	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedActionsListTheAllowedTransition(MatterState from, MatterAction action, MatterState to) {
		Matter matter = fixture(new MatterFixtures(), from, action);

		if (action != FOLLOW_MASTER) {
			assertThat(matter.allowedActions(MatterFixtures.everyone())).contains(action);
		}
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("forbidden")
	void allowedActionsOmitTheForbiddenOnes(MatterState from, MatterAction action) {
		Matter matter = fixture(new MatterFixtures(), from, action);

		assertThat(matter.allowedActions(MatterFixtures.everyone())).doesNotContain(action);
	}

	/** The 分局领导 sees every matter and may change none. */
	@ParameterizedTest(name = "{0} --{1}--> denied")
	@MethodSource("allowed")
	void theBranchLeaderMayDoNothing(MatterState from, MatterAction action, MatterState to) {
		MatterFixtures fixtures = new MatterFixtures();
		Matter matter = fixture(fixtures, from, action);

		assertThat(matter.allowedActions(MatterFixtures.branchLeader())).isEmpty();
		if (action != FOLLOW_MASTER) {
			assertThatThrownBy(() -> perform(fixtures, matter, action, MatterFixtures.branchLeader()))
				.isInstanceOf(AccessDeniedException.class);
			assertThat(matter.state()).isEqualTo(from);
		}
	}

	/** A matter in this state with what the action needs: an open task, a pending extension request. */
	private static Matter fixture(MatterFixtures fixtures, MatterState state, MatterAction action) {
		boolean openTask = action == RECORD_TASK_RESULT || action == CANCEL_TASK;
		boolean pendingExtension = action == APPROVE_EXTENSION || action == REFUSE_EXTENSION;
		return fixtures.in(state, openTask, pendingExtension);
	}

	private static void perform(MatterFixtures fixtures, Matter matter, MatterAction action) {
		perform(fixtures, matter, action, MatterFixtures.everyone());
	}

	private static void perform(MatterFixtures fixtures, Matter matter, MatterAction action, Actor actor) {
		var policy = MatterFixtures.POLICY;
		var now = fixtures.tick();
		switch (action) {
			case DISPATCH -> matter.dispatch(actor,
					new Dispatch("EMERGENCY", null, MatterFixtures.LEAD_UNIT, List.of(), "请速办"),
					policy, now);
			case SIGN -> matter.sign(actor, now);
			case RETURN -> matter.returnToCoordinators(actor, "不属于本单位管辖", now);
			case TRANSFER -> matter.transfer(actor, MatterFixtures.OTHER_UNIT, "属地调整", policy, now);
			case RECORD_PROGRESS -> matter.recordProgress(actor, "已电话联系诉求人", now);
			case ADD_CO_HANDLER -> matter.addCoHandler(actor, new CoHandling(7L, "请社区协助", null), now);
			case RECORD_TASK_RESULT -> matter.recordTaskResult(actor, openTaskNo(matter), "已到场开锁", now);
			case CANCEL_TASK -> matter.cancelTask(actor, openTaskNo(matter), "已无需协办", now);
			case REQUEST_EXTENSION -> matter.requestExtension(actor, 3, "需调取监控", policy, now);
			case APPROVE_EXTENSION -> matter.approveExtension(actor, null, policy, now);
			case REFUSE_EXTENSION -> matter.refuseExtension(actor, "时限充足", now);
			case WAIT_FOR_SUBMITTER -> matter.waitForSubmitter(actor, "请提供门牌号", now);
			case RESUME -> matter.resume(actor, "诉求人已补充", policy, now);
			case DRAFT_REPLY -> matter.draftReply(actor, "已处理完毕。", null, now);
			case APPROVE_REPLY -> matter.approveReply(actor, policy, now);
			case REJECT_REPLY -> matter.rejectReply(actor, "答复不完整", now);
			case RECORD_FOLLOW_UP -> matter.recordFollowUp(actor, Satisfaction.SATISFIED, "谢谢", policy, now);
			case CLOSE -> matter.close(actor, null, now);
			case LINK -> matter.linkTo(actor, fixtures.openMaster(), now);
			case MERGE -> matter.mergeInto(actor, fixtures.openMaster(), now);
			case SUPERVISE -> matter.supervise(actor, "请加快办理", now);
			case FOLLOW_MASTER -> matter.followMaster(closedMaster(fixtures), now);
		}
	}

	private static int openTaskNo(Matter matter) {
		return matter.tasks().stream().filter(CoHandlingTask::isOpen).mapToInt(CoHandlingTask::taskNo).findFirst()
			.orElse(1);
	}

	/** The master the matter was merged into, now closed; for a matter never merged, any closed matter. */
	private static Matter closedMaster(MatterFixtures fixtures) {
		Matter master = fixtures.master();
		if (master == null) {
			return fixtures.in(CLOSED, false, false);
		}
		if (master.state() == REPLIED) {
			master.close(MatterFixtures.everyone(), null, fixtures.tick());
		}
		return master;
	}

}
