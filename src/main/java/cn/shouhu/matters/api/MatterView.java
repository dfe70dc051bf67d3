package cn.shouhu.matters.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.CoHandlingTask;
import cn.shouhu.matters.Deadlines;
import cn.shouhu.matters.ExtensionRequest;
import cn.shouhu.matters.FollowUp;
import cn.shouhu.matters.MatterAction;
import cn.shouhu.matters.MatterDetails;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Reply;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.TaskState;
import cn.shouhu.matters.TimelineAction;
import cn.shouhu.matters.TimelineEntry;
import cn.shouhu.matters.Urgency;
import cn.shouhu.shared.PersonalData;

/**
 * A matter as the API shows it: everything staff see on its page, but the submitter's phone and ID number masked
 * (an API response is easily copied into other systems; staff who must call back open the page).
 *
 * @param version what the next action must name
 * @param allowedActions the action paths ({@code POST /api/v1/matters/{id}/{action}}) the caller may take now
 */
record MatterView(long id, String trackingCode, Channel channel, MatterKind kind, String categoryCode,
		Urgency urgency, MatterState state, String title, String description, Place place, SubmitterView submitter,
		Long leadUnitId, Instant receivedAt, Instant firstDispatchedAt, Instant dispatchedAt, Instant signedAt,
		Instant repliedAt, Instant closedAt, DeadlinesView deadlines, ExtensionView pendingExtension,
		ReplyView reply, FollowUpView followUp, Long duplicateOf, Long mergedInto, boolean supervised,
		int reopenCount, int returnCount, int transferCount, List<TaskView> tasks, List<TimelineView> timeline,
		int version, List<String> allowedActions) {

	/** 诉求人, masked. */
	record SubmitterView(boolean anonymous, String name, String phone, String idNumber, String enterpriseName,
			String creditCode) {

		static SubmitterView of(Submitter submitter) {
			if (submitter == null) {
				return null;
			}
			return new SubmitterView(submitter.anonymous(), submitter.name(), PersonalData.maskPhone(submitter.phone()),
					PersonalData.maskIdNumber(submitter.idNumber()), submitter.enterpriseName(),
					submitter.creditCode());
		}

	}

	/** 时限. */
	record DeadlinesView(Instant signDue, Instant replyDue, Instant closeDue, Instant returnDue, Instant reopenDue,
			Instant pausedSince, long pausedSeconds, int extendedDays) {

		static DeadlinesView of(Deadlines d) {
			return d == null ? null : new DeadlinesView(d.signDue(), d.replyDue(), d.closeDue(), d.returnDue(),
					d.reopenDue(), d.pausedSince(), d.pausedSeconds(), d.extendedDays());
		}

	}

	/** 延期申请 waiting for the coordinator. */
	record ExtensionView(Integer days, String reason, Instant requestedAt, String requestedByName) {

		static ExtensionView of(ExtensionRequest e) {
			return e == null ? null : new ExtensionView(e.days(), e.reason(), e.requestedAt(), e.requestedByName());
		}

	}

	/** 答复 and 整改措施; approvedAt is null while the draft waits for the unit leader. */
	record ReplyView(String text, String measures, String draftedByName, Instant draftedAt, String approvedByName,
			Instant approvedAt) {

		static ReplyView of(Reply r) {
			return r == null ? null : new ReplyView(r.text(), r.measures(), r.draftedByName(), r.draftedAt(),
					r.approvedByName(), r.approvedAt());
		}

	}

	/** 回访. */
	record FollowUpView(Satisfaction satisfaction, String comment, Boolean bySubmitter, String recordedByName,
			Instant recordedAt) {

		static FollowUpView of(FollowUp f) {
			return f == null ? null : new FollowUpView(f.satisfaction(), f.comment(), f.bySubmitter(),
					f.recordedByName(), f.recordedAt());
		}

	}

	/** 协办任务. */
	record TaskView(int taskNo, long unitId, String request, Instant due, TaskState state, String result,
			Instant requestedAt, Instant completedAt, String recordedByName) {

		static TaskView of(CoHandlingTask t) {
			return new TaskView(t.taskNo(), t.unitId(), t.request(), t.due(), t.state(), t.result(), t.requestedAt(),
					t.completedAt(), t.recordedByName());
		}

	}

	/** One line of the 办理过程. */
	record TimelineView(Instant occurredAt, TimelineAction action, TimelineEntry.ActorType actorType,
			String actorName, Long actorUnitId, Long unitId, boolean visibleToSubmitter, String note) {

		static TimelineView of(TimelineEntry e) {
			return new TimelineView(e.occurredAt(), e.action(), e.actorType(), e.actorName(), e.actorUnitId(),
					e.unitId(), e.visibleToSubmitter(), e.note());
		}

	}

	static MatterView of(MatterDetails m) {
		List<String> actions = m.allowedActions()
			.stream()
			.sorted(Comparator.naturalOrder())
			.map(MatterView::path)
			.filter(Objects::nonNull)
			.toList();
		return new MatterView(m.id(), m.trackingCode(), m.channel(), m.kind(), m.categoryCode(), m.urgency(),
				m.state(), m.title(), m.description(), m.place(), SubmitterView.of(m.submitter()), m.leadUnitId(),
				m.receivedAt(), m.firstDispatchedAt(), m.dispatchedAt(), m.signedAt(), m.repliedAt(), m.closedAt(),
				DeadlinesView.of(m.deadlines()), ExtensionView.of(m.pendingExtension()), ReplyView.of(m.reply()),
				FollowUpView.of(m.followUp()), m.duplicateOf(), m.mergedInto(), m.supervised(), m.reopenCount(),
				m.returnCount(), m.transferCount(), m.tasks().stream().map(TaskView::of).toList(),
				m.timeline().stream().map(TimelineView::of).toList(), m.version(), actions);
	}

	/** The path segment of the endpoint that takes this action; null for the system's own actions. */
	static String path(MatterAction action) {
		return switch (action) {
			case DISPATCH -> "dispatch";
			case SIGN -> "sign";
			case RETURN -> "return";
			case TRANSFER -> "transfer";
			case RECORD_PROGRESS -> "progress";
			case ADD_CO_HANDLER -> "co-handlers";
			case RECORD_TASK_RESULT -> "task-result";
			case CANCEL_TASK -> "cancel-task";
			case REQUEST_EXTENSION -> "extension-request";
			case APPROVE_EXTENSION -> "extension-approve";
			case REFUSE_EXTENSION -> "extension-refuse";
			case WAIT_FOR_SUBMITTER -> "wait";
			case RESUME -> "resume";
			case DRAFT_REPLY -> "reply";
			case APPROVE_REPLY -> "approve";
			case REJECT_REPLY -> "reject-reply";
			case RECORD_FOLLOW_UP -> "follow-up";
			case CLOSE -> "close";
			case LINK -> "link";
			case MERGE -> "merge";
			case SUPERVISE -> "supervise";
			case FOLLOW_MASTER -> null;
		};
	}

}
