package cn.shouhu.organization.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.internal.OfficerCriteria;
import cn.shouhu.organization.internal.OfficerExport;
import cn.shouhu.organization.internal.OfficerImport;
import cn.shouhu.organization.internal.OfficerImport.ImportMode;
import cn.shouhu.organization.internal.OfficerSearch;
import cn.shouhu.organization.internal.Roster;
import cn.shouhu.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 民警: the list with search, sorting, paging and export, the officer page, its forms, and the import. Reading is
 * for the roles that oversee the roster; changing is for system administrators and unit leaders. The roster
 * service applies the data scope to every one of these requests.
 */
@Controller
@RequestMapping("/organization/officers")
@PreAuthorize(OfficersController.READERS)
class OfficersController {

	static final String READERS = "hasAnyRole('SYSTEM_ADMIN','SECURITY_ADMIN','BRANCH_LEADER','UNIT_LEADER')";

	static final String WRITERS = "hasAnyRole('SYSTEM_ADMIN','UNIT_LEADER')";

	private static final Set<String> FORM_FIELDS = Set.of("badgeNo", "name", "unitId", "position", "partyMember");

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Roster roster;

	private final OfficerSearch search;

	private final OfficerExport export;

	private final OfficerImport officerImport;

	private final Texts texts;

	OfficersController(Roster roster, OfficerSearch search, OfficerExport export, OfficerImport officerImport,
			Texts texts) {
		this.roster = roster;
		this.search = search;
		this.export = export;
		this.officerImport = officerImport;
		this.texts = texts;
	}

	/** The full page, or only the results when htmx asks (the search form updates them in place). */
	@GetMapping
	String list(@ModelAttribute("criteria") OfficerCriteria criteria,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result", search.search(criteria));
		model.addAttribute("units", search.filterUnits());
		model.addAttribute("statuses", OfficerStatus.values());
		model.addAttribute("pageSizes", OfficerCriteria.PAGE_SIZES);
		model.addAttribute("mayChange", roster.mayChange());
		return htmx != null ? "organization/officers/list :: results" : "organization/officers/list";
	}

	@GetMapping("/export.xlsx")
	void exportList(@ModelAttribute("criteria") OfficerCriteria criteria, HttpServletResponse response)
			throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("organization.export.fileName"));
		export.export(criteria, response.getOutputStream(), LocaleContextHolder.getLocale());
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("officer", roster.get(id));
		model.addAttribute("mayChange", roster.mayChange(id));
		return "organization/officers/show";
	}

	@GetMapping("/new")
	@PreAuthorize(WRITERS)
	String newForm(@RequestParam(required = false) Long unitId, Model model) {
		OfficerForm form = new OfficerForm();
		form.setUnitId(unitId);
		return newPage(form, model);
	}

	@PostMapping
	@PreAuthorize(WRITERS)
	String create(@ModelAttribute("form") OfficerForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return newPage(form, model);
		}
		try {
			long id = roster.create(new Roster.NewOfficer(form.getBadgeNo(), form.getName(), form.getUnitId(),
					form.getPosition(), form.isPartyMember(), OfficerStatus.ACTIVE));
			redirect.addFlashAttribute("flashSuccess", texts.get("organization.officer.created", form.getName().strip()));
			return "redirect:/organization/officers/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(binding, e, FORM_FIELDS);
			return newPage(form, model);
		}
	}

	private String newPage(OfficerForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("units", roster.placeableUnits());
		return "organization/officers/new";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(WRITERS)
	String editForm(@PathVariable long id, Model model) {
		Roster.OfficerView officer = roster.getForChange(id);
		OfficerForm form = new OfficerForm();
		form.setBadgeNo(officer.badgeNo());
		form.setName(officer.name());
		form.setPosition(officer.position());
		form.setPartyMember(officer.partyMember());
		form.setVersion(officer.version());
		model.addAttribute("officer", officer);
		model.addAttribute("form", form);
		return "organization/officers/edit";
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize(WRITERS)
	String edit(@PathVariable long id, @ModelAttribute("form") OfficerForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				roster.edit(id, form.getVersion(), new Roster.OfficerChanges(form.getBadgeNo(), form.getName(),
						form.getPosition(), form.isPartyMember()));
				redirect.addFlashAttribute("flashSuccess",
						texts.get("organization.officer.updated", form.getName().strip()));
				return "redirect:/organization/officers/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(binding, e, FORM_FIELDS);
			}
		}
		model.addAttribute("officer", roster.getForChange(id));
		return "organization/officers/edit";
	}

	@GetMapping("/{id}/transfer")
	@PreAuthorize(WRITERS)
	String transferForm(@PathVariable long id, Model model) {
		Roster.OfficerView officer = roster.getForChange(id);
		OfficerForm form = new OfficerForm();
		form.setVersion(officer.version());
		return transferPage(officer, form, model);
	}

	@PostMapping("/{id}/transfer")
	@PreAuthorize(WRITERS)
	String transfer(@PathVariable long id, @ModelAttribute("form") OfficerForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				roster.transfer(id, form.getVersion(), form.getUnitId());
				Roster.OfficerView moved = roster.get(id);
				redirect.addFlashAttribute("flashSuccess",
						texts.get("organization.officer.transferred", moved.name(), moved.unitLabel()));
				return "redirect:/organization/officers/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(binding, e, FORM_FIELDS);
			}
		}
		return transferPage(roster.getForChange(id), form, model);
	}

	private String transferPage(Roster.OfficerView officer, OfficerForm form, Model model) {
		model.addAttribute("officer", officer);
		model.addAttribute("form", form);
		model.addAttribute("units",
				roster.placeableUnits().stream().filter(unit -> unit.id() != officer.unitId()).toList());
		return "organization/officers/transfer";
	}

	/** 调离 or 退休. */
	@PostMapping("/{id}/leave")
	@PreAuthorize(WRITERS)
	String leave(@PathVariable long id, @RequestParam int version, @RequestParam OfficerStatus status,
			RedirectAttributes redirect) {
		try {
			roster.leave(id, version, status);
			Roster.OfficerView officer = roster.get(id);
			redirect.addFlashAttribute("flashSuccess", texts.get("organization.officer.left", officer.name(),
					texts.get("officer.status." + status.name())));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", texts.of(e));
		}
		return "redirect:/organization/officers/" + id;
	}

	@GetMapping("/import")
	@PreAuthorize(WRITERS)
	String importForm(Model model) {
		return importPage(ImportMode.ALL_OR_NOTHING, null, null, model);
	}

	@PostMapping("/import")
	@PreAuthorize(WRITERS)
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "mode", defaultValue = "ALL_OR_NOTHING") ImportMode mode, Model model,
			HttpServletResponse response) throws IOException {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
				|| file.getOriginalFilename().isBlank()))) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return importPage(mode, null, texts.get("organization.import.file.missing"), model);
		}
		OfficerImport.ImportReport report;
		try (InputStream in = file.getInputStream()) {
			report = officerImport.importOfficers(in, file.getOriginalFilename(), mode);
		}
		if (report.fileRejected() || report.imported() == 0) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return importPage(mode, report, null, model);
	}

	private String importPage(ImportMode mode, OfficerImport.ImportReport report, String problem, Model model) {
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("mode", mode);
		model.addAttribute("report", report);
		model.addAttribute("problem", problem);
		model.addAttribute("maxRows", OfficerImport.maxRows());
		return "organization/officers/import";
	}

	@GetMapping("/import/template.xlsx")
	@PreAuthorize(WRITERS)
	void template(HttpServletResponse response) throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("organization.template.fileName"));
		officerImport.writeTemplate(response.getOutputStream(), LocaleContextHolder.getLocale());
	}

	private String attachment(String fileNameKey) {
		return ContentDisposition.attachment()
			.filename(texts.get(fileNameKey), StandardCharsets.UTF_8)
			.build()
			.toString();
	}

}
