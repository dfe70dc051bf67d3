package cn.shouhu.portal.web;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.matters.attachments.AttachmentStore;
import cn.shouhu.portal.PortalRateLimits;
import cn.shouhu.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 我要反映: the public submission form, and its receipt shown once. Every field is checked here so that all
 * messages show at once beside their fields; the matter desk checks again and has the last word. A refused form
 * comes back with everything typed except the files, which a browser cannot be given back.
 */
@Controller
@RequestMapping("/portal/submit")
class SubmitController {

	private static final Logger log = LoggerFactory.getLogger(SubmitController.class);

	static final String FORM = "form";

	/** The receipt's flash attribute. */
	static final String RECEIPT = "receipt";

	/** The matter's limits ({@code Matter}, {@code Place}, {@code Submitter}), checked here to show them per field. */
	static final int TITLE_LENGTH = 100;

	static final int TEXT_LENGTH = 4000;

	static final int ADDRESS_LENGTH = 300;

	static final int COMMUNITY_LENGTH = 100;

	static final int NAME_LENGTH = 50;

	static final int ENTERPRISE_LENGTH = 200;

	/** The desk's field names and the form's. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("kind", "kind"),
			Map.entry("categoryCode", "categoryCode"), Map.entry("title", "title"),
			Map.entry("description", "description"), Map.entry("place.address", "address"),
			Map.entry("place.community", "community"), Map.entry("submitter.name", "name"),
			Map.entry("submitter.phone", "phone"), Map.entry("submitter.enterpriseName", "enterpriseName"),
			Map.entry("submitter.creditCode", "creditCode"), Map.entry("submitter.anonymous", "anonymous"),
			Map.entry(AttachmentStore.FIELD, "attachments"));

	/** The tracking-code alphabet, for the receipt a bot is shown: it looks like any other and finds nothing. */
	private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Submissions submissions;

	private final AttachmentStore attachments;

	private final MatterCategories categories;

	SubmitController(Submissions submissions, AttachmentStore attachments, MatterCategories categories) {
		this.submissions = submissions;
		this.attachments = attachments;
		this.categories = categories;
	}

	/** An empty form with a new one-time token; a catalogue link may preselect the kind and the category. */
	@GetMapping
	String form(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "category", required = false) String category,
			Model model) {
		SubmitForm form = new SubmitForm();
		form.setFormToken(UUID.randomUUID().toString());
		kind(kind).ifPresent(k -> form.setKind(k.name()));
		activeCategory(category).ifPresent(c -> form.setCategoryCode(c.code()));
		return page(form, model);
	}

	@PostMapping
	String submit(@ModelAttribute(FORM) SubmitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (form.isFromABot()) {
			// Answer as if it had worked, so the bot learns nothing; nothing is created.
			log.info("Portal honeypot filled from {}; nothing created", PortalRateLimits.clientIp(request));
			redirect.addFlashAttribute(RECEIPT, new PortalReceipt(decoyCode(), null, false));
			return "redirect:/portal/submit/receipt";
		}
		boolean tokenOk = Submissions.isWellFormed(form.getFormToken());
		if (!tokenOk) {
			binding.reject("portal.submit.token.invalid");
			form.setFormToken(UUID.randomUUID().toString());
		}
		Optional<PortalReceipt> earlier = tokenOk ? submissions.earlier(form.getFormToken()) : Optional.empty();
		if (earlier.isPresent()) {
			// The same form again (a double click, a resent page): the same receipt, no second matter.
			redirect.addFlashAttribute(RECEIPT, earlier.get());
			return "redirect:/portal/submit/receipt";
		}
		MatterKind kind = check(form, binding);
		if (!binding.hasErrors()) {
			boolean urgent = UrgencyWords.anyIn(form.getTitle(), form.getDescription(), form.getAddress());
			try {
				PortalReceipt receipt = submissions.submit(form.getFormToken(), intake(form, kind),
						form.getAttachments(), urgent, PortalRateLimits.clientIp(request),
						form.isAnonymous() ? null : form.getPhone().strip());
				redirect.addFlashAttribute(RECEIPT, receipt);
				return "redirect:/portal/submit/receipt";
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
		model.addAttribute("filesDropped", !AttachmentStore.chosen(form.getAttachments()).isEmpty());
		return page(form, model);
	}

	/** The receipt, once: a reload or anybody else finds only the advice to keep the code. */
	@GetMapping("/receipt")
	String receipt(Model model) {
		model.addAttribute("portalNav", "submit");
		return "portal/receipt";
	}

	/** Every check that can be made before the desk, so that the visitor sees all problems at once. */
	private MatterKind check(SubmitForm form, BindingResult binding) {
		MatterKind kind = kind(form.getKind()).orElse(null);
		if (kind == null) {
			binding.rejectValue("kind", blank(form.getKind()) ? "portal.submit.kind.required" : "portal.submit.kind.invalid");
		}
		if (!blank(form.getCategoryCode()) && activeCategory(form.getCategoryCode()).isEmpty()) {
			binding.rejectValue("categoryCode", "portal.submit.category.invalid");
		}
		text(form.getTitle(), true, TITLE_LENGTH, "title", binding);
		text(form.getDescription(), true, TEXT_LENGTH, "description", binding);
		text(form.getAddress(), true, ADDRESS_LENGTH, "address", binding);
		text(form.getCommunity(), false, COMMUNITY_LENGTH, "community", binding);
		if (form.isAnonymous()) {
			if (kind != null && kind != MatterKind.TIP_OFF) {
				binding.rejectValue("anonymous", "portal.submit.anonymous.onlyTipOff");
			}
		}
		else {
			text(form.getName(), true, NAME_LENGTH, "name", binding);
			if (blank(form.getPhone())) {
				binding.rejectValue("phone", "portal.submit.phone.required");
			}
			else if (!Identifiers.isMobilePhone(form.getPhone().strip())) {
				binding.rejectValue("phone", "portal.submit.phone.invalid");
			}
			text(form.getEnterpriseName(), false, ENTERPRISE_LENGTH, "enterpriseName", binding);
			if (!blank(form.getCreditCode())) {
				if (!Identifiers.isCreditCode(form.getCreditCode().strip().toUpperCase(Locale.ROOT))) {
					binding.rejectValue("creditCode", "portal.submit.creditCode.invalid");
				}
				else if (blank(form.getEnterpriseName())) {
					binding.rejectValue("enterpriseName", "portal.submit.enterpriseName.required");
				}
			}
		}
		if (!form.hasConsent()) {
			binding.rejectValue("consent", "portal.submit.consent.required");
		}
		try {
			attachments.check(form.getAttachments());
		}
		catch (InvalidInputException e) {
			binding.rejectValue("attachments", e.messageKey(), e.args(), e.messageKey());
		}
		return kind;
	}

	/**
	 * Required or optional text within its length. Counted in UTF-16 units, as the database's VARCHAR columns count
	 * them, so that a text full of characters outside the BMP (rare CJK, emoji) is refused with a message rather
	 * than failing in the database.
	 */
	private static void text(String value, boolean required, int maxLength, String field, BindingResult binding) {
		if (blank(value)) {
			if (required) {
				binding.rejectValue(field, "portal.submit." + field + ".required");
			}
		}
		else if (value.strip().length() > maxLength) {
			binding.rejectValue(field, "portal.submit.tooLong", new Object[] { maxLength }, null);
		}
	}

	private static Intake intake(SubmitForm form, MatterKind kind) {
		Submitter submitter = form.isAnonymous() ? Submitter.anonymousPerson()
				: new Submitter(false, form.getName(), form.getPhone(), null, form.getEnterpriseName(),
						form.getCreditCode());
		String category = blank(form.getCategoryCode()) ? null : form.getCategoryCode().strip();
		return new Intake(Channel.PORTAL, kind, category, Urgency.NORMAL, form.getTitle(), form.getDescription(),
				new Place(form.getAddress(), form.getCommunity(), null, null), submitter);
	}

	private String page(SubmitForm form, Model model) {
		model.addAttribute(FORM, form);
		model.addAttribute("portalNav", "submit");
		model.addAttribute("kinds", MatterKind.values());
		model.addAttribute("categories", categories.all().stream().filter(MatterCategory::active).toList());
		model.addAttribute("urgentWords", UrgencyWords.joined());
		model.addAttribute("textLength", TEXT_LENGTH);
		return "portal/submit";
	}

	private static Optional<MatterKind> kind(String name) {
		if (blank(name)) {
			return Optional.empty();
		}
		return Arrays.stream(MatterKind.values()).filter(kind -> kind.name().equals(name.strip())).findFirst();
	}

	private Optional<MatterCategory> activeCategory(String code) {
		if (blank(code)) {
			return Optional.empty();
		}
		return categories.find(code.strip()).filter(MatterCategory::active);
	}

	private static String decoyCode() {
		char[] code = new char[12];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
