package cn.shouhu.matters.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.matters.CoHandling;
import cn.shouhu.matters.CoHandlingTask;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.MatterAction;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterDetails;
import cn.shouhu.matters.PersonalField;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Urgency;
import cn.shouhu.matters.attachments.AttachmentStore;
import cn.shouhu.matters.suggestions.CategorySuggestion;
import cn.shouhu.matters.suggestions.MatterText;
import cn.shouhu.matters.suggestions.Suggestions;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.PersonalData;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The matter page: everything about one matter, its deadlines with the working time left, its timeline, and a
 * small form for each action the viewer may take now. Each form posts to {@code /matters/{id}/{action}} with the
 * version it was shown with; the desk checks scope, state, party and version. A conflict (stale version, wrong
 * state) is the 409 error page and changes nothing; bad input shows the page again with the message beside the
 * field (422).
 */
@Controller
@RequestMapping("/matters")
class MatterPageController {

	/** The action names in the URL and the desk's action each one takes, in the order the page shows them. */
	static final Map<String, MatterAction> ACTIONS = new LinkedHashMap<>();

	static {
		ACTIONS.put("dispatch", MatterAction.DISPATCH);
		ACTIONS.put("sign", MatterAction.SIGN);
		ACTIONS.put("return", MatterAction.RETURN);
		ACTIONS.put("progress", MatterAction.RECORD_PROGRESS);
		ACTIONS.put("co-handler", MatterAction.ADD_CO_HANDLER);
		ACTIONS.put("task-result", MatterAction.RECORD_TASK_RESULT);
		ACTIONS.put("cancel-task", MatterAction.CANCEL_TASK);
		ACTIONS.put("extension-request", MatterAction.REQUEST_EXTENSION);
		ACTIONS.put("extension-approve", MatterAction.APPROVE_EXTENSION);
		ACTIONS.put("extension-refuse", MatterAction.REFUSE_EXTENSION);
		ACTIONS.put("wait", MatterAction.WAIT_FOR_SUBMITTER);
		ACTIONS.put("resume", MatterAction.RESUME);
		ACTIONS.put("reply-draft", MatterAction.DRAFT_REPLY);
		ACTIONS.put("reply-approve", MatterAction.APPROVE_REPLY);
		ACTIONS.put("reply-reject", MatterAction.REJECT_REPLY);
		ACTIONS.put("follow-up", MatterAction.RECORD_FOLLOW_UP);
		ACTIONS.put("close", MatterAction.CLOSE);
		ACTIONS.put("transfer", MatterAction.TRANSFER);
		ACTIONS.put("supervise", MatterAction.SUPERVISE);
		ACTIONS.put("link", MatterAction.LINK);
		ACTIONS.put("merge", MatterAction.MERGE);
	}

	private final MatterDesk desk;

	private final MatterCategories categories;

	private final Units units;

	private final Suggestions suggestions;

	private final WorkingCalendar calendar;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final AttachmentStore attachments;

	MatterPageController(MatterDesk desk, MatterCategories categories, Units units, Suggestions suggestions,
			WorkingCalendar calendar, JdbcClient jdbc, MessageSource messages, Clock clock,
			AttachmentStore attachments) {
		this.attachments = attachments;
		this.desk = desk;
		this.categories = categories;
		this.units = units;
		this.suggestions = suggestions;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		MatterDetails matter = desk.details(CurrentStaff.require(), id);
		return page(matter, new ActionForm(), null, Map.of(), model);
	}

	/**
	 * 显示: the page again with one of the submitter's numbers in full, for those the desk lets reveal it; the desk
	 * writes the audit record. Answered directly, never by a redirect, so the number is in no session or flash.
	 */
	@PostMapping("/{id:\\d+}/reveal")
	String reveal(@PathVariable long id, @RequestParam(name = "field", defaultValue = "") String name, Model model) {
		PersonalField field = Arrays.stream(PersonalField.values())
			.filter(candidate -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("matters.notFound"));
		CurrentStaff staff = CurrentStaff.require();
		String value = desk.reveal(staff, id, field);
		String page = page(desk.details(staff, id), new ActionForm(), null, Map.of(), model);
		if (value != null) {
			model.addAttribute(field == PersonalField.PHONE ? "maskedPhone" : "maskedIdNumber", value);
			model.addAttribute(field == PersonalField.PHONE ? "phoneRevealed" : "idNumberRevealed", true);
		}
		return page;
	}

	@PostMapping("/{id:\\d+}/{action}")
	String act(@PathVariable long id, @PathVariable String action, @ModelAttribute("form") ActionForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		MatterAction matterAction = ACTIONS.get(action);
		if (matterAction == null) {
			throw new NotFoundException("matters.notFound");
		}
		CurrentStaff staff = CurrentStaff.require();
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), text("matters-web.input.invalid"));
		}
		if (errors.isEmpty()) {
			try {
				perform(staff, id, matterAction, form);
				redirect.addFlashAttribute("flashSuccess", "matters-web.done." + matterAction.name());
				return "redirect:/matters/" + id;
			}
			catch (InvalidInputException e) {
				String field = e.field() == null ? "" : fieldOnForm(matterAction, e.field());
				errors.put(field, text(e.messageKey(), e.args()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(desk.details(staff, id), form, action, errors, model);
	}

	private void perform(CurrentStaff staff, long id, MatterAction action, ActionForm form) {
		if (form.getVersion() == null) {
			throw new ConflictException("matters.conflict.stale");
		}
		int version = form.getVersion();
		switch (action) {
			case DISPATCH -> {
				long lead = required(form.getLeadUnitId(), "leadUnitId");
				List<CoHandling> coHandlers = new ArrayList<>();
				for (Long unitId : new HashSet<>(form.getCoUnitIds())) {
					if (unitId != null) {
						coHandlers.add(new CoHandling(unitId, form.getRequest(), null));
					}
				}
				desk.dispatch(staff, id, version,
						new Dispatch(form.getCategoryCode(), form.getUrgency(), lead, coHandlers, form.getNote()));
			}
			case SIGN -> desk.sign(staff, id, version);
			case RETURN -> desk.returnToCoordinators(staff, id, version, form.getReason());
			case TRANSFER -> desk.transfer(staff, id, version, required(form.getToUnitId(), "toUnitId"),
					form.getReason());
			case RECORD_PROGRESS -> desk.recordProgress(staff, id, version, form.getNote());
			case ADD_CO_HANDLER -> desk.addCoHandler(staff, id, version,
					new CoHandling(required(form.getUnitId(), "unitId"), form.getRequest(), null));
			case RECORD_TASK_RESULT -> desk.recordTaskResult(staff, id, version, required(form.getTaskNo(), "taskNo"),
					form.getResult());
			case CANCEL_TASK -> desk.cancelTask(staff, id, version, required(form.getTaskNo(), "taskNo"),
					form.getReason());
			case REQUEST_EXTENSION -> desk.requestExtension(staff, id, version, required(form.getDays(), "days"),
					form.getReason());
			case APPROVE_EXTENSION -> desk.approveExtension(staff, id, version, form.getNote());
			case REFUSE_EXTENSION -> desk.refuseExtension(staff, id, version, form.getReason());
			case WAIT_FOR_SUBMITTER -> desk.waitForSubmitter(staff, id, version, form.getNote());
			case RESUME -> desk.resume(staff, id, version, form.getNote());
			case DRAFT_REPLY -> desk.draftReply(staff, id, version, form.getText(), form.getMeasures());
			case APPROVE_REPLY -> desk.approveReply(staff, id, version);
			case REJECT_REPLY -> desk.rejectReply(staff, id, version, form.getReason());
			case RECORD_FOLLOW_UP -> desk.recordFollowUp(staff, id, version, form.getSatisfaction(), form.getComment());
			case CLOSE -> desk.close(staff, id, version, form.getNote());
			case LINK -> desk.link(staff, id, version, otherMatter(form.getOther()));
			case MERGE -> desk.merge(staff, id, version, otherMatter(form.getOther()));
			case SUPERVISE -> desk.supervise(staff, id, version, form.getNote());
			default -> throw new NotFoundException("matters.notFound");
		}
	}

	private static <T> T required(T value, String field) {
		if (value == null) {
			throw InvalidInputException.onField(field, "matters.input.required");
		}
		return value;
	}

	/** The other matter of a link or merge, by its number or its tracking code (查询码). */
	private long otherMatter(String reference) {
		String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
		if (ref.isEmpty()) {
			throw InvalidInputException.onField("other", "matters.input.required");
		}
		if (ref.chars().allMatch(Character::isDigit) && ref.length() < 15) {
			return Long.parseLong(ref);
		}
		return jdbc.sql("SELECT id FROM matter WHERE tracking_code = :code")
			.param("code", ref)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> InvalidInputException.onField("other", "matters-web.other.unknown"));
	}

	/** Co-handling errors of the dispatch form belong to its co-handler fields. */
	private static String fieldOnForm(MatterAction action, String field) {
		if (action == MatterAction.DISPATCH && field.equals("unitId")) {
			return "coUnitIds";
		}
		return field;
	}

	private String page(MatterDetails matter, ActionForm form, String failed, Map<String, String> errors,
			Model model) {
		// A failed action changed nothing, so the version shown again is the one the user saw.
		form.setVersion(matter.version());
		Set<Long> mentioned = new HashSet<>();
		mentioned.add(matter.leadUnitId());
		matter.tasks().forEach(task -> mentioned.add(task.unitId()));
		matter.timeline().forEach(entry -> {
			mentioned.add(entry.unitId());
			mentioned.add(entry.actorUnitId());
		});
		Map<String, Boolean> can = new LinkedHashMap<>();
		ACTIONS.forEach((name, action) -> can.put(name, matter.allowedActions().contains(action)));
		model.addAttribute("matter", matter);
		model.addAttribute("category", categories.find(matter.categoryCode()).map(MatterCategory::name).orElse(null));
		model.addAttribute("unitNames", units.names(mentioned));
		model.addAttribute("maskedPhone", PersonalData.maskPhone(matter.submitter().phone()));
		model.addAttribute("maskedIdNumber", PersonalData.maskIdNumber(matter.submitter().idNumber()));
		model.addAttribute("mayReveal", desk.mayReveal(CurrentStaff.require(), matter.id()));
		model.addAttribute("deadlines", DeadlineView.of(matter, calendar, clock.instant()));
		model.addAttribute("timeline", matter.timeline());
		model.addAttribute("attachments", attachments.of(matter.id()));
		model.addAttribute("openTasks", matter.tasks().stream().filter(CoHandlingTask::isOpen).toList());
		model.addAttribute("can", can);
		model.addAttribute("anyAction", can.containsValue(true));
		model.addAttribute("form", form);
		model.addAttribute("failed", failed);
		model.addAttribute("actionErrors", errors);
		MatterText text = new MatterText(matter.title(), matter.description(),
				matter.place() == null ? null : matter.place().address(),
				matter.place() == null ? null : matter.place().community());
		// 分类建议 where the viewer classifies (dispatch) or may merge an open matter: coordinators and clerks, who see every
		// matter, so the duplicates shown reveal nothing beyond their scope.
		List<CategorySuggestion> suggested = can.get("dispatch") ? suggestions.categories(text) : List.of();
		boolean showSuggestions = can.get("dispatch") || can.get("merge");
		model.addAttribute("showSuggestions", showSuggestions);
		if (showSuggestions) {
			model.addAttribute("modelReady", suggestions.ready());
			model.addAttribute("suggestedCategories", suggested);
			model.addAttribute("duplicates", suggestions.duplicates(text, matter.id()));
			model.addAttribute("duplicateDays", suggestions.duplicateDays());
		}
		if (can.get("dispatch") || can.get("transfer") || can.get("co-handler")) {
			model.addAttribute("categories", categories.all().stream().filter(MatterCategory::active).toList());
			model.addAttribute("urgencies", Urgency.values());
			model.addAttribute("leadUnits", units.police());
			model.addAttribute("allUnits", units.all());
			if (failed == null) {
				// The category recorded at intake, else the most likely suggestion; the lead unit for it.
				String category = matter.categoryCode() != null ? matter.categoryCode()
						: suggested.isEmpty() ? null : suggested.get(0).code();
				form.setCategoryCode(category);
				form.setUrgency(matter.urgency());
				form.setLeadUnitId(suggestions.leadUnit(category, text.community()).orElse(null));
			}
		}
		model.addAttribute("satisfactions", EnumSet.allOf(Satisfaction.class));
		return "matters/show";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
