package cn.shouhu.matters.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.shouhu.matters.CoHandling;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Urgency;

/**
 * The bodies of the actions on a matter. Each names the {@code version} the caller last saw: if the matter has
 * changed since, the action is refused with 409 and changes nothing.
 */
final class ActionRequests {

	private ActionRequests() {
	}

	/** 签收, 审批答复 and other actions that need nothing but the version. */
	record Versioned(@NotNull(message = "{matters-api.version.required}") Integer version) {
	}

	/** Actions with an optional note (督办, 恢复办理, 批准延期, 办结). */
	record WithNote(@NotNull(message = "{matters-api.version.required}") Integer version,
			@Size(max = 1000, message = "{matters-api.tooLong}") String note) {
	}

	/** Actions that need a reason (退单, 不予延期, 退回答复) or a note (记录进展, 等待群众补充). */
	record WithReason(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotBlank(message = "{matters-api.required}") @Size(max = 1000,
					message = "{matters-api.tooLong}") String reason) {
	}

	/** 分派. */
	record DispatchRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotBlank(message = "{matters-api.required}") String categoryCode, Urgency urgency,
			@NotNull(message = "{matters-api.required}") Long leadUnitId,
			@Valid List<@NotNull(message = "{matters-api.required}") CoHandlerRequest> coHandlers,
			@Size(max = 1000, message = "{matters-api.tooLong}") String note) {

		Dispatch toDispatch() {
			List<CoHandling> tasks = coHandlers == null ? List.of()
					: coHandlers.stream().map(CoHandlerRequest::toCoHandling).toList();
			return new Dispatch(categoryCode, urgency, leadUnitId, tasks, note);
		}

	}

	/** A co-handling unit (协办单位) and what it is asked to do. */
	record CoHandlerRequest(@NotNull(message = "{matters-api.required}") Long unitId,
			@NotBlank(message = "{matters-api.required}") @Size(max = 1000,
					message = "{matters-api.tooLong}") String request,
			Instant due) {

		CoHandling toCoHandling() {
			return new CoHandling(unitId, request, due);
		}

	}

	/** 增加协办单位. */
	record AddCoHandlerRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotNull(message = "{matters-api.required}") @Valid CoHandlerRequest coHandler) {
	}

	/** 转办. */
	record TransferRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotNull(message = "{matters-api.required}") Long toUnitId,
			@NotBlank(message = "{matters-api.required}") @Size(max = 1000,
					message = "{matters-api.tooLong}") String reason) {
	}

	/** 记录协办结果. */
	record TaskResultRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotNull(message = "{matters-api.required}") Integer taskNo,
			@NotBlank(message = "{matters-api.required}") @Size(max = 4000,
					message = "{matters-api.tooLong}") String result) {
	}

	/** 撤销协办. */
	record CancelTaskRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotNull(message = "{matters-api.required}") Integer taskNo,
			@NotBlank(message = "{matters-api.required}") @Size(max = 1000,
					message = "{matters-api.tooLong}") String reason) {
	}

	/** 申请延期, in whole working days. */
	record ExtensionRequestBody(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotNull(message = "{matters-api.required}") @Min(value = 1, message = "{matters-api.extension.days}") @Max(
					value = 30, message = "{matters-api.extension.days}") Integer days,
			@NotBlank(message = "{matters-api.required}") @Size(max = 1000,
					message = "{matters-api.tooLong}") String reason) {
	}

	/** 拟写答复 with the rectification measures (整改措施). */
	record ReplyRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotBlank(message = "{matters-api.required}") @Size(max = 4000,
					message = "{matters-api.tooLong}") String text,
			@Size(max = 4000, message = "{matters-api.tooLong}") String measures) {
	}

	/** 回访. */
	record FollowUpRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotNull(message = "{matters-api.required}") Satisfaction satisfaction,
			@Size(max = 1000, message = "{matters-api.tooLong}") String comment) {
	}

	/** 关联 or 合并: the other (master) matter. */
	record OtherMatterRequest(@NotNull(message = "{matters-api.version.required}") Integer version,
			@NotNull(message = "{matters-api.required}") Long otherId) {
	}

}
