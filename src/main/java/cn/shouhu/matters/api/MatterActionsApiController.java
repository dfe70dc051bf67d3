package cn.shouhu.matters.api;

import java.util.function.Consumer;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.api.ActionRequests.AddCoHandlerRequest;
import cn.shouhu.matters.api.ActionRequests.CancelTaskRequest;
import cn.shouhu.matters.api.ActionRequests.DispatchRequest;
import cn.shouhu.matters.api.ActionRequests.ExtensionRequestBody;
import cn.shouhu.matters.api.ActionRequests.FollowUpRequest;
import cn.shouhu.matters.api.ActionRequests.OtherMatterRequest;
import cn.shouhu.matters.api.ActionRequests.ReplyRequest;
import cn.shouhu.matters.api.ActionRequests.TaskResultRequest;
import cn.shouhu.matters.api.ActionRequests.TransferRequest;
import cn.shouhu.matters.api.ActionRequests.Versioned;
import cn.shouhu.matters.api.ActionRequests.WithNote;
import cn.shouhu.matters.api.ActionRequests.WithReason;
import cn.shouhu.shared.CurrentStaff;

/**
 * Every action of the closed loop, one endpoint each, answering with the matter as it is after the action. A
 * stale {@code version} or an action the matter's state does not allow is 409; a matter outside the caller's
 * scope is 404; an action the caller's role may not take is 403.
 */
@RestController
@RequestMapping("/api/v1/matters/{id}")
@PreAuthorize("hasAnyRole('INTAKE_CLERK', 'COORDINATOR', 'HANDLER', 'UNIT_LEADER', 'BRANCH_LEADER')")
@SecurityRequirement(name = MattersApiController.BASIC_AUTH)
@Tag(name = "Matter actions", description = "The closed loop's actions; each body names the version it acts on")
class MatterActionsApiController {

	private final MatterDesk desk;

	MatterActionsApiController(MatterDesk desk) {
		this.desk = desk;
	}

	@PostMapping("/dispatch")
	@Operation(summary = "Dispatch: category, urgency, lead unit and co-handling units (coordination)")
	MatterView dispatch(@PathVariable long id, @Valid @RequestBody DispatchRequest body) {
		return act(id, staff -> desk.dispatch(staff, id, body.version(), body.toDispatch()));
	}

	@PostMapping("/transfer")
	@Operation(summary = "Transfer to another unit, which must sign anew")
	MatterView transfer(@PathVariable long id, @Valid @RequestBody TransferRequest body) {
		return act(id, staff -> desk.transfer(staff, id, body.version(), body.toUnitId(), body.reason()));
	}

	@PostMapping("/co-handlers")
	@Operation(summary = "Ask one more unit or outside agency to co-handle")
	MatterView addCoHandler(@PathVariable long id, @Valid @RequestBody AddCoHandlerRequest body) {
		return act(id,
				staff -> desk.addCoHandler(staff, id, body.version(), body.coHandler().toCoHandling()));
	}

	@PostMapping("/cancel-task")
	@Operation(summary = "Cancel a co-handling task")
	MatterView cancelTask(@PathVariable long id, @Valid @RequestBody CancelTaskRequest body) {
		return act(id, staff -> desk.cancelTask(staff, id, body.version(), body.taskNo(), body.reason()));
	}

	@PostMapping("/task-result")
	@Operation(summary = "Record a co-handling unit's result")
	MatterView taskResult(@PathVariable long id, @Valid @RequestBody TaskResultRequest body) {
		return act(id, staff -> desk.recordTaskResult(staff, id, body.version(), body.taskNo(), body.result()));
	}

	@PostMapping("/sign")
	@Operation(summary = "Sign: the lead unit accepts the matter")
	MatterView sign(@PathVariable long id, @Valid @RequestBody Versioned body) {
		return act(id, staff -> desk.sign(staff, id, body.version()));
	}

	@PostMapping("/return")
	@Operation(summary = "Return the matter to the coordinators, with a reason (unit leader)")
	MatterView returnToCoordinators(@PathVariable long id, @Valid @RequestBody WithReason body) {
		return act(id, staff -> desk.returnToCoordinators(staff, id, body.version(), body.reason()));
	}

	@PostMapping("/progress")
	@Operation(summary = "Record progress (the reason field holds the note)")
	MatterView progress(@PathVariable long id, @Valid @RequestBody WithReason body) {
		return act(id, staff -> desk.recordProgress(staff, id, body.version(), body.reason()));
	}

	@PostMapping("/extension-request")
	@Operation(summary = "Request more working days")
	MatterView requestExtension(@PathVariable long id, @Valid @RequestBody ExtensionRequestBody body) {
		return act(id, staff -> desk.requestExtension(staff, id, body.version(), body.days(), body.reason()));
	}

	@PostMapping("/extension-approve")
	@Operation(summary = "Approve the pending extension (coordinator)")
	MatterView approveExtension(@PathVariable long id, @Valid @RequestBody WithNote body) {
		return act(id, staff -> desk.approveExtension(staff, id, body.version(), body.note()));
	}

	@PostMapping("/extension-refuse")
	@Operation(summary = "Refuse the pending extension, with a reason (coordinator)")
	MatterView refuseExtension(@PathVariable long id, @Valid @RequestBody WithReason body) {
		return act(id, staff -> desk.refuseExtension(staff, id, body.version(), body.reason()));
	}

	@PostMapping("/wait")
	@Operation(summary = "Wait for the submitter: the clock stops (the reason tells the submitter what is needed)")
	MatterView waitForSubmitter(@PathVariable long id, @Valid @RequestBody WithReason body) {
		return act(id, staff -> desk.waitForSubmitter(staff, id, body.version(), body.reason()));
	}

	@PostMapping("/resume")
	@Operation(summary = "Resume handling: the deadlines move by the time waited")
	MatterView resume(@PathVariable long id, @Valid @RequestBody WithNote body) {
		return act(id, staff -> desk.resume(staff, id, body.version(), body.note()));
	}

	@PostMapping("/reply")
	@Operation(summary = "Draft the reply and the rectification measures")
	MatterView draftReply(@PathVariable long id, @Valid @RequestBody ReplyRequest body) {
		return act(id, staff -> desk.draftReply(staff, id, body.version(), body.text(), body.measures()));
	}

	@PostMapping("/approve")
	@Operation(summary = "Approve the drafted reply: the submitter sees it (unit leader)")
	MatterView approveReply(@PathVariable long id, @Valid @RequestBody Versioned body) {
		return act(id, staff -> desk.approveReply(staff, id, body.version()));
	}

	@PostMapping("/reject-reply")
	@Operation(summary = "Send the drafted reply back, with a reason (unit leader)")
	MatterView rejectReply(@PathVariable long id, @Valid @RequestBody WithReason body) {
		return act(id, staff -> desk.rejectReply(staff, id, body.version(), body.reason()));
	}

	@PostMapping("/follow-up")
	@Operation(summary = "Record the follow-up: satisfied closes, unsatisfied within the window reopens")
	MatterView followUp(@PathVariable long id, @Valid @RequestBody FollowUpRequest body) {
		return act(id, staff -> desk.recordFollowUp(staff, id, body.version(), body.satisfaction(), body.comment()));
	}

	@PostMapping("/close")
	@Operation(summary = "Close a replied matter without (further) follow-up")
	MatterView close(@PathVariable long id, @Valid @RequestBody WithNote body) {
		return act(id, staff -> desk.close(staff, id, body.version(), body.note()));
	}

	@PostMapping("/supervise")
	@Operation(summary = "Put the matter under supervision (coordinator)")
	MatterView supervise(@PathVariable long id, @Valid @RequestBody WithNote body) {
		return act(id, staff -> desk.supervise(staff, id, body.version(), body.note()));
	}

	@PostMapping("/link")
	@Operation(summary = "Mark the matter as a duplicate of another; both go on")
	MatterView link(@PathVariable long id, @Valid @RequestBody OtherMatterRequest body) {
		return act(id, staff -> desk.link(staff, id, body.version(), body.otherId()));
	}

	@PostMapping("/merge")
	@Operation(summary = "Merge the matter into a master; it closes with the master")
	MatterView merge(@PathVariable long id, @Valid @RequestBody OtherMatterRequest body) {
		return act(id, staff -> desk.merge(staff, id, body.version(), body.otherId()));
	}

	private MatterView act(long id, Consumer<CurrentStaff> action) {
		CurrentStaff staff = CurrentStaff.require();
		action.accept(staff);
		return MatterView.of(desk.details(staff, id));
	}

}
