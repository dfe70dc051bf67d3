package cn.shouhu.matters.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Identifiers;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Receipt;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.matters.attachments.AttachedIntake;
import cn.shouhu.matters.attachments.AttachmentStore;
import cn.shouhu.matters.suggestions.MatterText;
import cn.shouhu.matters.suggestions.Suggestions;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 受理登记: a clerk records a phone, walk-in or letter matter. Every field is checked here so that all messages
 * show at once beside their fields; the desk checks again and has the last word. While the clerk types, htmx
 * asks for the suggestions (分类建议): the three most likely categories, each with its lead unit for the community,
 * and open matters that look like the same problem.
 */
@Controller
@RequestMapping("/matters/intake")
@PreAuthorize("hasAnyRole('INTAKE_CLERK','COORDINATOR')")
class IntakeController {

	/** The desk's field names and the form's. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("channel", "channel"),
			Map.entry("kind", "kind"), Map.entry("categoryCode", "categoryCode"), Map.entry("title", "title"),
			Map.entry("description", "description"), Map.entry("place.address", "address"),
			Map.entry("place.community", "community"), Map.entry("place.latitude", "latitude"),
			Map.entry("submitter.name", "name"), Map.entry("submitter.phone", "phone"),
			Map.entry("submitter.idNumber", "idNumber"), Map.entry("submitter.enterpriseName", "enterpriseName"),
			Map.entry("submitter.creditCode", "creditCode"), Map.entry("submitter.anonymous", "anonymous"),
			Map.entry(AttachmentStore.FIELD, "attachments"));

	private static final String REQUIRED = "matters.input.required";

	private final AttachedIntake desk;

	private final AttachmentStore attachments;

	private final MatterCategories categories;

	private final Suggestions suggestions;

	private final MessageSource messages;

	private final PublicQueue publicQueue;

	IntakeController(AttachedIntake desk, AttachmentStore attachments, MatterCategories categories,
			Suggestions suggestions, MessageSource messages, PublicQueue publicQueue) {
		this.publicQueue = publicQueue;
		this.desk = desk;
		this.attachments = attachments;
		this.categories = categories;
		this.suggestions = suggestions;
		this.messages = messages;
	}

	@GetMapping
	String form(Model model) {
		return page(new IntakeForm(), model);
	}

	/** The suggestions for what has been typed so far: a bare fragment for htmx. */
	@GetMapping("/suggestions")
	String suggestions(@RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String address,
			@RequestParam(required = false) String community, Model model) {
		suggest(new MatterText(title, description, address, community), model);
		return "matters/suggestions/fragments :: intake";
	}

	/** The suggested categories with their lead units, and the possible duplicates. */
	private void suggest(MatterText text, Model model) {
		model.addAttribute("modelReady", suggestions.ready());
		model.addAttribute("suggestedCategories", suggestions.categories(text));
		model.addAttribute("duplicates", suggestions.duplicates(text, 0));
		model.addAttribute("duplicateDays", suggestions.duplicateDays());
	}

	@PostMapping
	String receive(@ModelAttribute("form") IntakeForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Place place = check(form, binding);
		try {
			attachments.check(form.getAttachments());
		}
		catch (InvalidInputException e) {
			binding.rejectValue("attachments", e.messageKey(), e.args(), e.messageKey());
		}
		if (!binding.hasErrors()) {
			try {
				Receipt receipt = desk.intake(CurrentStaff.require(), new Intake(form.getChannel(), form.getKind(),
						form.getCategoryCode(), form.getUrgency(), form.getTitle(), form.getDescription(), place,
						submitter(form)), form.getAttachments());
				redirect.addFlashAttribute("flashSuccess", messages.getMessage("matters-web.intake.created",
						new Object[] { receipt.trackingCode() }, LocaleContextHolder.getLocale()));
				return "redirect:/matters/" + receipt.id();
			}
			catch (InvalidInputException e) {
				String field = e.field() == null ? null : FIELDS.get(e.field());
				if (field != null) {
					binding.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
				}
				else {
					binding.reject(e.messageKey(), e.args(), e.messageKey());
				}
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(form, model);
	}

	/** Every check that can be made before the desk, so that the clerk sees all problems at once. */
	private static Place check(IntakeForm form, BindingResult binding) {
		if (form.getChannel() == null) {
			binding.rejectValue("channel", REQUIRED);
		}
		if (form.getKind() == null) {
			binding.rejectValue("kind", REQUIRED);
		}
		if (blank(form.getTitle())) {
			binding.rejectValue("title", REQUIRED);
		}
		if (blank(form.getDescription())) {
			binding.rejectValue("description", REQUIRED);
		}
		if (form.isAnonymous()) {
			if (form.getKind() != null && form.getKind() != MatterKind.TIP_OFF) {
				binding.rejectValue("anonymous", "matters.submitter.anonymousOnlyTipOff");
			}
		}
		else {
			if (blank(form.getName())) {
				binding.rejectValue("name", REQUIRED);
			}
			if (blank(form.getPhone())) {
				binding.rejectValue("phone", REQUIRED);
			}
			else if (!Identifiers.isMobilePhone(form.getPhone().strip())) {
				binding.rejectValue("phone", "matters.submitter.phone.invalid");
			}
			if (!blank(form.getIdNumber()) && !Identifiers.isIdNumber(form.getIdNumber().strip().toUpperCase())) {
				binding.rejectValue("idNumber", "matters.submitter.idNumber.invalid");
			}
			if (!blank(form.getCreditCode()) && !Identifiers.isCreditCode(form.getCreditCode().strip().toUpperCase())) {
				binding.rejectValue("creditCode", "matters.submitter.creditCode.invalid");
			}
		}
		Double latitude = number(form.getLatitude(), "latitude", binding);
		Double longitude = number(form.getLongitude(), "longitude", binding);
		return new Place(form.getAddress(), form.getCommunity(), latitude, longitude);
	}

	private static Double number(String text, String field, BindingResult binding) {
		if (blank(text)) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			binding.rejectValue(field, "matters-web.input.invalid");
			return null;
		}
	}

	private static Submitter submitter(IntakeForm form) {
		if (form.isAnonymous()) {
			return Submitter.anonymousPerson();
		}
		return new Submitter(false, form.getName(), form.getPhone(), form.getIdNumber(), form.getEnterpriseName(),
				form.getCreditCode());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private String page(IntakeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("channels", Arrays.stream(Channel.values()).filter(channel -> !channel.isPublic()).toList());
		model.addAttribute("kinds", MatterKind.values());
		model.addAttribute("urgencies", Urgency.values());
		List<MatterCategory> active = categories.all().stream().filter(MatterCategory::active).toList();
		model.addAttribute("categories", active);
		suggest(new MatterText(form.getTitle(), form.getDescription(), form.getAddress(), form.getCommunity()), model);
		model.addAttribute("queue", publicQueue.snapshot());
		return "matters/intake";
	}

}
