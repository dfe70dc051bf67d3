package cn.shouhu.matters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.security.access.AccessDeniedException;

import cn.shouhu.matters.TimelineEntry.ActorType;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.PersonalData;

/**
 * A matter (诉求事项) and its closed loop. Every action checks the matter's state and who is acting against
 * {@link MatterAction}, appends a timeline entry and registers a past-tense {@link MatterEvent} that is
 * published when the matter is saved. A wrong state is a {@link ConflictException} (409), a party that may not
 * act an {@link AccessDeniedException} (403), bad input an {@link InvalidInputException} (422); in each case
 * nothing has changed.
 */
@Table("matter")
class Matter extends AbstractAggregateRoot<Matter> {

	static final int TITLE_LENGTH = 100;

	static final int TEXT_LENGTH = 4000;

	static final int NOTE_LENGTH = 1000;

	@Id
	private Long id;

	private String trackingCode;

	private Channel channel;

	private MatterKind kind;

	private String categoryCode;

	private Urgency urgency;

	private MatterState state;

	private String title;

	private String description;

	@Embedded.Nullable(prefix = "place_")
	private Place place;

	@Embedded.Empty(prefix = "submitter_")
	private Submitter submitter;

	private Long leadUnitId;

	private Long receivedBy;

	private Instant receivedAt;

	private Instant firstDispatchedAt;

	private Instant dispatchedAt;

	private Instant signedAt;

	private Instant repliedAt;

	private Instant closedAt;

	@Embedded.Empty
	private Deadlines deadlines;

	@Embedded.Nullable(prefix = "pending_extension_")
	private ExtensionRequest pendingExtension;

	@Embedded.Nullable(prefix = "reply_")
	private Reply reply;

	@Embedded.Nullable(prefix = "follow_up_")
	private FollowUp followUp;

	private Long duplicateOf;

	private Long mergedInto;

	/** For an anonymous tip-off from a public channel: the hash of the PIN its submitter follows it with. */
	private String pinHash;

	private boolean supervised;

	private Instant supervisedAt;

	private int supervisionCount;

	private int reopenCount;

	private int returnCount;

	private int transferCount;

	@Version
	private Integer version;

	private Instant updatedAt;

	@MappedCollection(idColumn = "matter_id", keyColumn = "seq")
	private List<CoHandlingTask> tasks = new ArrayList<>();

	@MappedCollection(idColumn = "matter_id", keyColumn = "seq")
	private List<TimelineEntry> timeline = new ArrayList<>();

	Matter() {
	}

	/**
	 * 受理: a matter from any channel enters the coordinators' queue.
	 * @param id taken from the matter sequence beforehand, so that the events can carry it
	 */
	static Matter receive(long id, String trackingCode, Intake intake, Actor actor, Instant now) {
		if (intake.channel() == null) {
			throw InvalidInputException.onField("channel", "matters.input.required");
		}
		if (intake.kind() == null) {
			throw InvalidInputException.onField("kind", "matters.input.required");
		}
		if (intake.submitter() == null) {
			throw InvalidInputException.onField("submitter.name", "matters.input.required");
		}
		Matter matter = new Matter();
		matter.id = id;
		matter.trackingCode = trackingCode;
		matter.channel = intake.channel();
		matter.kind = intake.kind();
		matter.categoryCode = Texts.trimToNull(intake.categoryCode());
		matter.urgency = intake.urgency() == null ? Urgency.NORMAL : intake.urgency();
		matter.title = Texts.required(intake.title(), TITLE_LENGTH, "title");
		matter.description = Texts.required(intake.description(), TEXT_LENGTH, "description");
		matter.place = Place.validated(intake.place());
		matter.submitter = intake.submitter().validatedFor(intake.kind());
		matter.state = MatterState.RECEIVED;
		matter.receivedAt = now;
		matter.receivedBy = actor.officerId();
		matter.deadlines = Deadlines.NONE;
		matter.log(TimelineAction.RECEIVED, actor, null, true, null, now);
		matter.registerEvent(new MatterReceived(id, matter.channel, matter.kind, matter.categoryCode, matter.urgency,
				now));
		return matter;
	}

	/** 分派: the coordinator sets category and urgency, chooses the lead unit and any co-handlers. */
	void dispatch(Actor actor, Dispatch dispatch, DeadlinePolicy policy, Instant now) {
		guard(MatterAction.DISPATCH, actor);
		String category = Texts.trimToNull(dispatch.categoryCode());
		if (category == null) {
			throw InvalidInputException.onField("categoryCode", "matters.input.required");
		}
		String note = Texts.optional(dispatch.note(), NOTE_LENGTH, "note");
		requireNoOpenTaskFor(dispatch.leadUnitId(), "leadUnitId");
		Set<Long> coHandlingUnits = new HashSet<>();
		for (CoHandling coHandling : dispatch.coHandlers()) {
			checkCoHandling(coHandling, dispatch.leadUnitId());
			if (!coHandlingUnits.add(coHandling.unitId())) {
				throw InvalidInputException.onField("unitId", "matters.task.duplicate");
			}
		}
		Urgency newUrgency = dispatch.urgency() == null ? urgency : dispatch.urgency();
		Deadlines due = policy.atDispatch(kind, category, newUrgency, now);
		boolean redispatch = state == MatterState.RETURNED;
		categoryCode = category;
		urgency = newUrgency;
		leadUnitId = dispatch.leadUnitId();
		deadlines = due;
		dispatchedAt = now;
		if (firstDispatchedAt == null) {
			firstDispatchedAt = now;
		}
		signedAt = null;
		pendingExtension = null;
		state = MatterState.DISPATCHED;
		log(redispatch ? TimelineAction.REDISPATCHED : TimelineAction.DISPATCHED, actor, leadUnitId, true, note, now);
		registerEvent(new MatterDispatched(id, leadUnitId, categoryCode, kind, urgency, due.signDue(), due.replyDue(),
				due.closeDue(), redispatch, now));
		for (CoHandling coHandling : dispatch.coHandlers()) {
			requestCoHandling(actor, coHandling, now);
		}
	}

	/** 签收: the lead unit accepts the matter. */
	void sign(Actor actor, Instant now) {
		guard(MatterAction.SIGN, actor);
		signedAt = now;
		state = MatterState.SIGNED;
		log(TimelineAction.SIGNED, actor, leadUnitId, true, null, now);
		registerEvent(new MatterSigned(id, leadUnitId, deadlines.signDue(), now));
	}

	/** 退单: the lead unit gives the matter back to the coordinators, with a reason, within the return limit. */
	void returnToCoordinators(Actor actor, String reason, Instant now) {
		guard(MatterAction.RETURN, actor);
		String text = Texts.required(reason, NOTE_LENGTH, "reason");
		if (deadlines.returnDue() != null && now.isAfter(deadlines.returnDue())) {
			throw new ConflictException("matters.return.tooLate");
		}
		long fromUnit = leadUnitId;
		leadUnitId = null;
		deadlines = deadlines.cleared();
		pendingExtension = null;
		returnCount++;
		state = MatterState.RETURNED;
		log(TimelineAction.RETURNED, actor, fromUnit, false, text, now);
		registerEvent(new MatterReturned(id, fromUnit, now));
	}

	/**
	 * 转办: the matter moves to another unit, which must sign it and gets its own time limits (and extension
	 * allowance) from now, as on any dispatch. Modelled as a re-dispatch, not a resting state: the matter is at
	 * once DISPATCHED to the new unit; the timeline and {@link MatterTransferred} keep where it came from.
	 */
	void transfer(Actor actor, long toUnitId, String reason, DeadlinePolicy policy, Instant now) {
		guard(MatterAction.TRANSFER, actor);
		String text = Texts.required(reason, NOTE_LENGTH, "reason");
		if (leadUnitId == toUnitId) {
			throw InvalidInputException.onField("toUnitId", "matters.transfer.sameUnit");
		}
		requireNoOpenTaskFor(toUnitId, "toUnitId");
		Deadlines due = policy.atDispatch(kind, categoryCode, urgency, now);
		long fromUnit = leadUnitId;
		leadUnitId = toUnitId;
		deadlines = due;
		dispatchedAt = now;
		signedAt = null;
		pendingExtension = null;
		transferCount++;
		state = MatterState.DISPATCHED;
		log(TimelineAction.TRANSFERRED, actor, toUnitId, false, text, now);
		registerEvent(
				new MatterTransferred(id, fromUnit, toUnitId, due.signDue(), due.replyDue(), due.closeDue(), now));
	}

	/** 记录办理进展. */
	void recordProgress(Actor actor, String note, Instant now) {
		guard(MatterAction.RECORD_PROGRESS, actor);
		String text = Texts.required(note, TEXT_LENGTH, "note");
		state = MatterState.IN_PROGRESS;
		log(TimelineAction.PROGRESS_RECORDED, actor, leadUnitId, false, text, now);
		registerEvent(new MatterProgressRecorded(id, leadUnitId, now));
	}

	/** 部门联动: asks another unit (or an outside agency) to co-handle; due by the reply deadline unless given. */
	int addCoHandler(Actor actor, CoHandling coHandling, Instant now) {
		guard(MatterAction.ADD_CO_HANDLER, actor);
		return requestCoHandling(actor, coHandling, now);
	}

	private int requestCoHandling(Actor actor, CoHandling coHandling, Instant now) {
		String request = checkCoHandling(coHandling, leadUnitId);
		Instant due = coHandling.due() == null ? deadlines.replyDue() : coHandling.due();
		int taskNo = tasks.size() + 1;
		tasks.add(new CoHandlingTask(taskNo, coHandling.unitId(), request, due, TaskState.OPEN, null, now, null, null,
				null));
		log(TimelineAction.CO_HANDLING_REQUESTED, actor, coHandling.unitId(), false, request, now);
		registerEvent(new CoHandlingRequested(id, taskNo, coHandling.unitId(), due, now));
		return taskNo;
	}

	/** A unit that co-handles cannot lead as well: its task must be finished or cancelled first. */
	private void requireNoOpenTaskFor(long unitId, String field) {
		if (tasks.stream().anyMatch(task -> task.isOpen() && task.unitId() == unitId)) {
			throw InvalidInputException.onField(field, "matters.task.leadUnit");
		}
	}

	/** @return the request's text, once it is known that the unit may be asked */
	private String checkCoHandling(CoHandling coHandling, Long leadUnit) {
		String request = Texts.required(coHandling.request(), NOTE_LENGTH, "request");
		if (leadUnit != null && coHandling.unitId() == leadUnit) {
			throw InvalidInputException.onField("unitId", "matters.task.leadUnit");
		}
		if (tasks.stream().anyMatch(task -> task.isOpen() && task.unitId() == coHandling.unitId())) {
			throw InvalidInputException.onField("unitId", "matters.task.duplicate");
		}
		return request;
	}

	/**
	 * The co-handling unit's result. Staff of that unit record it; for an outside agency without accounts, the
	 * lead unit or a coordinator records what it did (the desk puts such tasks among the actor's task units).
	 */
	void recordTaskResult(Actor actor, int taskNo, String result, Instant now) {
		guard(MatterAction.RECORD_TASK_RESULT, actor);
		CoHandlingTask task = openTask(taskNo);
		if (!actor.mayActFor(task.unitId())) {
			throw new AccessDeniedException("matters.denied.RECORD_TASK_RESULT");
		}
		String text = Texts.required(result, TEXT_LENGTH, "result");
		tasks.set(taskNo - 1, task.finished(TaskState.DONE, text, actor, now));
		log(TimelineAction.CO_HANDLING_DONE, actor, task.unitId(), false, text, now);
		registerEvent(new CoHandlingCompleted(id, taskNo, task.unitId(), now));
	}

	/** 撤销协办: the task is no longer needed. */
	void cancelTask(Actor actor, int taskNo, String reason, Instant now) {
		guard(MatterAction.CANCEL_TASK, actor);
		CoHandlingTask task = openTask(taskNo);
		String text = Texts.required(reason, NOTE_LENGTH, "reason");
		tasks.set(taskNo - 1, task.finished(TaskState.CANCELLED, text, actor, now));
		log(TimelineAction.CO_HANDLING_CANCELLED, actor, task.unitId(), false, text, now);
		registerEvent(new CoHandlingCancelled(id, taskNo, task.unitId(), now));
	}

	private CoHandlingTask openTask(int taskNo) {
		if (taskNo < 1 || taskNo > tasks.size()) {
			throw InvalidInputException.onField("taskNo", "matters.task.unknown");
		}
		CoHandlingTask task = tasks.get(taskNo - 1);
		if (!task.isOpen()) {
			throw new ConflictException("matters.task.finished");
		}
		return task;
	}

	/** 申请延期: at most the policy's extension days in all, one request at a time. */
	void requestExtension(Actor actor, int days, String reason, DeadlinePolicy policy, Instant now) {
		guard(MatterAction.REQUEST_EXTENSION, actor);
		if (pendingExtension != null) {
			throw new ConflictException("matters.extension.pending");
		}
		int remaining = policy.limitsFor(kind, categoryCode, urgency).extensionDays() - deadlines.extendedDays();
		if (remaining <= 0) {
			throw new ConflictException("matters.extension.exhausted");
		}
		if (days < 1 || days > remaining) {
			throw InvalidInputException.onField("days", "matters.extension.days", remaining);
		}
		String text = Texts.required(reason, NOTE_LENGTH, "reason");
		pendingExtension = new ExtensionRequest(days, text, now, actor.officerId(), actor.name());
		log(TimelineAction.EXTENSION_REQUESTED, actor, leadUnitId, false, text, now);
		registerEvent(new MatterExtensionRequested(id, leadUnitId, days, now));
	}

	/** 批准延期: the reply and close deadlines move by the days asked for. */
	void approveExtension(Actor actor, String note, DeadlinePolicy policy, Instant now) {
		guard(MatterAction.APPROVE_EXTENSION, actor);
		int days = pendingExtensionDays();
		String text = Texts.optional(note, NOTE_LENGTH, "note");
		deadlines = policy.extended(deadlines, days);
		pendingExtension = null;
		log(TimelineAction.EXTENSION_APPROVED, actor, leadUnitId, true, text, now);
		registerEvent(new MatterExtensionApproved(id, leadUnitId, days, deadlines.replyDue(), deadlines.closeDue(),
				now));
	}

	/** 不予延期. */
	void refuseExtension(Actor actor, String reason, Instant now) {
		guard(MatterAction.REFUSE_EXTENSION, actor);
		pendingExtensionDays();
		String text = Texts.required(reason, NOTE_LENGTH, "reason");
		pendingExtension = null;
		log(TimelineAction.EXTENSION_REFUSED, actor, leadUnitId, false, text, now);
		registerEvent(new MatterExtensionRefused(id, leadUnitId, now));
	}

	private int pendingExtensionDays() {
		if (pendingExtension == null) {
			throw new ConflictException("matters.extension.none");
		}
		return pendingExtension.days();
	}

	/**
	 * 等待群众补充: the unit needs something from the submitter; the clock stops. The note says what is needed
	 * and the submitter sees it. An anonymous submitter cannot be asked.
	 */
	void waitForSubmitter(Actor actor, String note, Instant now) {
		guard(MatterAction.WAIT_FOR_SUBMITTER, actor);
		if (submitter.anonymous()) {
			throw new ConflictException("matters.wait.anonymous");
		}
		String text = Texts.required(note, NOTE_LENGTH, "note");
		deadlines = deadlines.pausedAt(now);
		state = MatterState.WAITING_FOR_SUBMITTER;
		log(TimelineAction.WAITING_FOR_SUBMITTER, actor, leadUnitId, true, text, now);
		registerEvent(new MatterPaused(id, leadUnitId, now));
	}

	/** 恢复办理: the business time spent waiting is added to the reply and close deadlines. */
	void resume(Actor actor, String note, DeadlinePolicy policy, Instant now) {
		guard(MatterAction.RESUME, actor);
		String text = Texts.optional(note, NOTE_LENGTH, "note");
		long pausedBefore = deadlines.pausedSeconds();
		deadlines = policy.resumed(deadlines, now);
		state = MatterState.IN_PROGRESS;
		log(TimelineAction.RESUMED, actor, leadUnitId, true, text, now);
		registerEvent(new MatterResumed(id, leadUnitId, deadlines.pausedSeconds() - pausedBefore, deadlines.replyDue(),
				deadlines.closeDue(), now));
	}

	/** 拟写答复 with the rectification measures; every co-handling task must be finished first. */
	void draftReply(Actor actor, String text, String measures, Instant now) {
		guard(MatterAction.DRAFT_REPLY, actor);
		if (tasks.stream().anyMatch(CoHandlingTask::isOpen)) {
			throw new ConflictException("matters.reply.openTasks");
		}
		String replyText = Texts.required(text, TEXT_LENGTH, "text");
		String measuresText = Texts.optional(measures, TEXT_LENGTH, "measures");
		reply = new Reply(replyText, measuresText, actor.officerId(), actor.name(), now, null, null, null);
		state = MatterState.REPLY_PENDING_APPROVAL;
		log(TimelineAction.REPLY_DRAFTED, actor, leadUnitId, false, null, now);
		registerEvent(new MatterReplyDrafted(id, leadUnitId, now));
	}

	/** 审批答复: the reply goes out to the submitter and the reopen window starts. */
	void approveReply(Actor actor, DeadlinePolicy policy, Instant now) {
		guard(MatterAction.APPROVE_REPLY, actor);
		deadlines = deadlines.withReopenDue(policy.reopenWindowEnd(kind, categoryCode, urgency, now));
		reply = reply.approved(actor.officerId(), actor.name(), now);
		repliedAt = now;
		followUp = null;
		pendingExtension = null;
		state = MatterState.REPLIED;
		log(TimelineAction.REPLIED, actor, leadUnitId, true, reply.text(), now);
		registerEvent(new MatterReplied(id, leadUnitId, deadlines.replyDue(), deadlines.reopenDue(), now));
	}

	/** 退回答复: the leader sends the draft back to be reworked; the draft stays for the handler to revise. */
	void rejectReply(Actor actor, String reason, Instant now) {
		guard(MatterAction.REJECT_REPLY, actor);
		String text = Texts.required(reason, NOTE_LENGTH, "reason");
		state = MatterState.IN_PROGRESS;
		log(TimelineAction.REPLY_REJECTED, actor, leadUnitId, false, text, now);
		registerEvent(new MatterReplyRejected(id, leadUnitId, now));
	}

	/**
	 * 回访: satisfied closes the matter; unsatisfied within the reopen window reopens it (重办) with the same unit
	 * under supervision; unsatisfied after the window leaves it replied, for a coordinator to close.
	 */
	void recordFollowUp(Actor actor, Satisfaction satisfaction, String comment, DeadlinePolicy policy, Instant now) {
		guard(MatterAction.RECORD_FOLLOW_UP, actor);
		if (followUp != null) {
			throw new ConflictException("matters.followUp.recorded");
		}
		if (satisfaction == null) {
			throw InvalidInputException.onField("satisfaction", "matters.input.required");
		}
		String text = Texts.optional(comment, NOTE_LENGTH, "comment");
		boolean bySubmitter = actor.type() == ActorType.SUBMITTER;
		followUp = new FollowUp(satisfaction, text, bySubmitter, actor.officerId(), actor.name(), now);
		log(TimelineAction.FOLLOWED_UP, actor, leadUnitId, true, text, now);
		registerEvent(new MatterFollowedUp(id, leadUnitId, satisfaction, bySubmitter, now));
		if (satisfaction != Satisfaction.UNSATISFIED) {
			closeNow(actor, null, now);
		}
		else if (!now.isAfter(deadlines.reopenDue())) {
			reopen(policy, now);
		}
	}

	private void reopen(DeadlinePolicy policy, Instant now) {
		reopenCount++;
		deadlines = policy.reopened(deadlines, kind, categoryCode, urgency, now);
		supervised = true;
		supervisedAt = now;
		supervisionCount++;
		state = MatterState.REOPENED;
		Actor system = Actor.system();
		log(TimelineAction.REOPENED, system, leadUnitId, true, null, now);
		registerEvent(new MatterReopened(id, leadUnitId, reopenCount, deadlines.replyDue(), deadlines.closeDue(), now));
		registerEvent(new MatterSupervised(id, leadUnitId, true, now));
	}

	/**
	 * An anonymous tip-off (匿名举报) from a public channel has no phone to prove it by: its submitter gets a PIN, of
	 * which the matter keeps only the hash.
	 */
	void protectWithPin(String hash) {
		if (!submitter.anonymous() || !channel.isPublic() || pinHash != null) {
			throw new IllegalStateException("Only a new anonymous matter from a public channel gets a PIN");
		}
		pinHash = hash;
	}

	/**
	 * 补充材料: the submitter adds information while the matter is open; staff see it on the timeline. If the unit
	 * was waiting for the submitter (等待群众补充), this is the answer it waited for: handling resumes and the
	 * business time waited moves the deadlines, as when staff resume it. Should the information not be enough,
	 * the unit can wait again; a matter left paused after the submitter answered would stop the clock for nothing.
	 * @return whether handling resumed
	 */
	boolean addInformation(String text, DeadlinePolicy policy, Instant now) {
		if (!acceptsInformation(state)) {
			throw new ConflictException("matters.public.information.closed");
		}
		String information = Texts.required(text, TEXT_LENGTH, "text");
		boolean resumes = state == MatterState.WAITING_FOR_SUBMITTER;
		log(TimelineAction.INFORMATION_ADDED, Actor.submitter(), leadUnitId, true, information, now);
		registerEvent(new MatterInformationAdded(id, leadUnitId, resumes, now));
		if (resumes) {
			long pausedBefore = deadlines.pausedSeconds();
			deadlines = policy.resumed(deadlines, now);
			state = MatterState.IN_PROGRESS;
			log(TimelineAction.RESUMED, Actor.system(), leadUnitId, true, null, now);
			registerEvent(new MatterResumed(id, leadUnitId, deadlines.pausedSeconds() - pausedBefore,
					deadlines.replyDue(), deadlines.closeDue(), now));
		}
		return resumes;
	}

	/**
	 * 申请重办: the submitter, unsatisfied with the reply, asks within the reopen window for the matter to be handled
	 * again, saying why. It is the unsatisfied follow-up of {@link #recordFollowUp}, which reopens the matter within
	 * the window; after the window the submitter can still rate the reply, but not reopen the matter.
	 */
	void askToReopen(String reason, DeadlinePolicy policy, Instant now) {
		Actor actor = Actor.submitter();
		guard(MatterAction.RECORD_FOLLOW_UP, actor);
		if (followUp != null) {
			throw new ConflictException("matters.followUp.recorded");
		}
		if (!acceptsReopenRequest(state, false, deadlines.reopenDue(), now)) {
			throw new ConflictException("matters.public.reopen.windowPassed");
		}
		Texts.required(reason, NOTE_LENGTH, "reason");
		recordFollowUp(actor, Satisfaction.UNSATISFIED, reason, policy, now);
	}

	/** Whether the submitter may add information to a matter in this state: while it is open. */
	static boolean acceptsInformation(MatterState state) {
		return state.isOpen();
	}

	/** Whether the submitter may rate the reply (回访): once it is out, and nobody has recorded a follow-up yet. */
	static boolean acceptsRating(MatterState state, boolean followedUp) {
		return MatterAction.RECORD_FOLLOW_UP.allowedIn(state) && !followedUp;
	}

	/** Whether the submitter may ask to reopen: as for a rating, and only until the reopen window ends. */
	static boolean acceptsReopenRequest(MatterState state, boolean followedUp, Instant reopenDue, Instant now) {
		return acceptsRating(state, followedUp) && reopenDue != null && !now.isAfter(reopenDue);
	}

	/** 办结: after the follow-up, or when none can be had (the submitter unreachable, the window passed). */
	void close(Actor actor, String note, Instant now) {
		guard(MatterAction.CLOSE, actor);
		closeNow(actor, Texts.optional(note, NOTE_LENGTH, "note"), now);
	}

	private void closeNow(Actor actor, String note, Instant now) {
		closedAt = now;
		state = MatterState.CLOSED;
		log(TimelineAction.CLOSED, actor, leadUnitId, true, note, now);
		registerEvent(new MatterClosed(id, leadUnitId, followUp == null ? null : followUp.satisfaction(),
				deadlines.closeDue(), false, now));
	}

	/** 关联: marks this matter as a duplicate of another; both go on. */
	void linkTo(Actor actor, Matter other, Instant now) {
		guard(MatterAction.LINK, actor);
		if (other.id.equals(id)) {
			throw InvalidInputException.onField("otherId", "matters.link.self");
		}
		duplicateOf = other.id;
		log(TimelineAction.LINKED, actor, null, false, other.trackingCode, now);
		registerEvent(new MatterLinked(id, other.id, now));
	}

	/** 合并: this duplicate stops and follows the master's outcome; its open co-handling tasks are withdrawn. */
	void mergeInto(Actor actor, Matter master, Instant now) {
		guard(MatterAction.MERGE, actor);
		if (master.id.equals(id)) {
			throw InvalidInputException.onField("masterId", "matters.merge.self");
		}
		if (!master.state.isOpen()) {
			throw new ConflictException("matters.merge.masterNotOpen");
		}
		for (int i = 0; i < tasks.size(); i++) {
			if (tasks.get(i).isOpen()) {
				tasks.set(i, tasks.get(i).finished(TaskState.CANCELLED, null, actor, now));
			}
		}
		mergedInto = master.id;
		duplicateOf = master.id;
		deadlines = deadlines.cleared();
		pendingExtension = null;
		state = MatterState.MERGED;
		log(TimelineAction.MERGED, actor, null, true, master.trackingCode, now);
		registerEvent(new MatterMerged(id, master.id, now));
	}

	/** A merged matter closes when its master does, with the master's reply. */
	void followMaster(Matter master, Instant now) {
		Actor system = Actor.system();
		guard(MatterAction.FOLLOW_MASTER, system);
		if (!master.id.equals(mergedInto)) {
			throw new IllegalArgumentException("Matter " + id + " is not merged into " + master.id);
		}
		reply = master.reply;
		repliedAt = master.repliedAt;
		closedAt = now;
		state = MatterState.CLOSED;
		log(TimelineAction.CLOSED, system, null, true, master.trackingCode, now);
		registerEvent(new MatterClosed(id, leadUnitId, null, null, true, now));
	}

	/** 督办: by a coordinator, or automatically when a deadline passes. */
	void supervise(Actor actor, String note, Instant now) {
		guard(MatterAction.SUPERVISE, actor);
		String text = Texts.optional(note, NOTE_LENGTH, "note");
		supervised = true;
		supervisedAt = now;
		supervisionCount++;
		log(TimelineAction.SUPERVISED, actor, leadUnitId, false, text, now);
		registerEvent(new MatterSupervised(id, leadUnitId, actor.type() == ActorType.SYSTEM, now));
	}

	/**
	 * The actions this actor may take now: the same table the actions check, narrowed by what the matter holds
	 * (a pending extension, an open task, a follow-up already recorded).
	 */
	Set<MatterAction> allowedActions(Actor actor) {
		Set<MatterAction> allowed = EnumSet.noneOf(MatterAction.class);
		for (MatterAction action : MatterAction.values()) {
			if (action != MatterAction.FOLLOW_MASTER && action.allowedIn(state) && action.allowedFor(actor)
					&& holdsFor(action, actor)) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	private boolean holdsFor(MatterAction action, Actor actor) {
		return switch (action) {
			case REQUEST_EXTENSION -> pendingExtension == null;
			case APPROVE_EXTENSION, REFUSE_EXTENSION -> pendingExtension != null;
			case RECORD_TASK_RESULT -> tasks.stream().anyMatch(task -> task.isOpen() && actor.mayActFor(task.unitId()));
			case CANCEL_TASK -> tasks.stream().anyMatch(CoHandlingTask::isOpen);
			case DRAFT_REPLY -> tasks.stream().noneMatch(CoHandlingTask::isOpen);
			case WAIT_FOR_SUBMITTER -> !submitter.anonymous();
			case RECORD_FOLLOW_UP -> followUp == null;
			default -> true;
		};
	}

	private void guard(MatterAction action, Actor actor) {
		if (!action.allowedIn(state)) {
			throw new ConflictException("matters.conflict." + action.name());
		}
		if (!action.allowedFor(actor)) {
			throw new AccessDeniedException("matters.denied." + action.name());
		}
	}

	private void log(TimelineAction action, Actor actor, Long unitId, boolean visible, String note, Instant now) {
		timeline.add(new TimelineEntry(now, action, actor.type(), actor.officerId(), actor.name(), actor.unitId(),
				unitId, visible, note));
		updatedAt = now;
	}

	/** The values an audit record shows, with the submitter's personal data masked. */
	Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("trackingCode", trackingCode);
		view.put("state", state);
		view.put("channel", channel);
		view.put("kind", kind);
		view.put("categoryCode", categoryCode);
		view.put("urgency", urgency);
		view.put("title", title);
		view.put("submitterAnonymous", submitter.anonymous());
		view.put("submitterName", maskName(submitter.name()));
		view.put("submitterPhone", PersonalData.maskPhone(submitter.phone()));
		view.put("submitterIdNumber", PersonalData.maskIdNumber(submitter.idNumber()));
		view.put("submitterEnterprise", submitter.enterpriseName());
		view.put("leadUnitId", leadUnitId);
		view.put("signDue", deadlines.signDue());
		view.put("replyDue", deadlines.replyDue());
		view.put("closeDue", deadlines.closeDue());
		view.put("pausedSince", deadlines.pausedSince());
		view.put("extendedDays", deadlines.extendedDays());
		view.put("pendingExtensionDays", pendingExtension == null ? null : pendingExtension.days());
		view.put("tasks",
				tasks.stream().map(task -> task.taskNo() + ":" + task.unitId() + ":" + task.state()).toList());
		view.put("replyDraftedAt", reply == null ? null : reply.draftedAt());
		view.put("replyApprovedAt", reply == null ? null : reply.approvedAt());
		view.put("satisfaction", followUp == null ? null : followUp.satisfaction());
		view.put("supervised", supervised);
		view.put("reopenCount", reopenCount);
		view.put("duplicateOf", duplicateOf);
		view.put("mergedInto", mergedInto);
		TimelineEntry last = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
		view.put("lastAction", last == null ? null : last.action());
		view.put("lastNote", last == null ? null : last.note());
		return view;
	}

	/** 张三 → 张*: enough for an auditor to tell records apart, not to identify the person. */
	static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		return name.substring(0, name.offsetByCodePoints(0, 1)) + "*";
	}

	/** The events registered since the last save, for tests. */
	Collection<Object> pendingEvents() {
		return domainEvents();
	}

	Long id() {
		return id;
	}

	String trackingCode() {
		return trackingCode;
	}

	Channel channel() {
		return channel;
	}

	MatterKind kind() {
		return kind;
	}

	String categoryCode() {
		return categoryCode;
	}

	Urgency urgency() {
		return urgency;
	}

	MatterState state() {
		return state;
	}

	String title() {
		return title;
	}

	String description() {
		return description;
	}

	Place place() {
		return place;
	}

	Submitter submitter() {
		return submitter;
	}

	Long leadUnitId() {
		return leadUnitId;
	}

	Long receivedBy() {
		return receivedBy;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	Instant firstDispatchedAt() {
		return firstDispatchedAt;
	}

	Instant dispatchedAt() {
		return dispatchedAt;
	}

	Instant signedAt() {
		return signedAt;
	}

	Instant repliedAt() {
		return repliedAt;
	}

	Instant closedAt() {
		return closedAt;
	}

	Deadlines deadlines() {
		return deadlines;
	}

	ExtensionRequest pendingExtension() {
		return pendingExtension;
	}

	Reply reply() {
		return reply;
	}

	FollowUp followUp() {
		return followUp;
	}

	Long duplicateOf() {
		return duplicateOf;
	}

	Long mergedInto() {
		return mergedInto;
	}

	String pinHash() {
		return pinHash;
	}

	boolean supervised() {
		return supervised;
	}

	Instant supervisedAt() {
		return supervisedAt;
	}

	int supervisionCount() {
		return supervisionCount;
	}

	int reopenCount() {
		return reopenCount;
	}

	int returnCount() {
		return returnCount;
	}

	int transferCount() {
		return transferCount;
	}

	Integer version() {
		return version;
	}

	List<CoHandlingTask> tasks() {
		return List.copyOf(tasks);
	}

	List<TimelineEntry> timeline() {
		return List.copyOf(timeline);
	}

}
