package cn.shouhu.organization.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.organization.UnitType;
import cn.shouhu.organization.internal.UnitIndex;
import cn.shouhu.organization.internal.UnitTree;
import cn.shouhu.shared.InvalidInputException;

/** 单位: the tree and a page per unit for every signed-in staff member; the forms for system administrators. */
@Controller
@RequestMapping("/organization/units")
class UnitsController {

	private static final Set<String> FORM_FIELDS = Set.of("parentId", "name", "unitType", "sortOrder");

	private static final String ADMIN = "hasRole('SYSTEM_ADMIN')";

	private final UnitTree tree;

	private final Texts texts;

	UnitsController(UnitTree tree, Texts texts) {
		this.tree = tree;
		this.texts = texts;
	}

	@GetMapping
	String tree(Model model) {
		UnitIndex index = tree.index();
		model.addAttribute("tree", index.tree());
		model.addAttribute("empty", index.isEmpty());
		return "organization/units/tree";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		UnitTree.UnitPage page = tree.page(id);
		model.addAttribute("page", page);
		model.addAttribute("unit", page.unit());
		model.addAttribute("communitiesText", String.join("\n", page.communities()));
		model.addAttribute("roadsText", String.join("\n", page.roads()));
		return "organization/units/show";
	}

	@GetMapping("/new")
	@PreAuthorize(ADMIN)
	String newForm(@RequestParam(required = false) Long parentId, Model model) {
		UnitForm form = new UnitForm();
		form.setParentId(parentId);
		form.setUnitType(parentId == null && tree.index().isEmpty() ? UnitType.BRANCH : UnitType.TEAM);
		form.setSortOrder(0);
		return newPage(form, model);
	}

	@PostMapping
	@PreAuthorize(ADMIN)
	String create(@ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return newPage(form, model);
		}
		try {
			long id = tree.create(form.getParentId(), form.getName(), form.getUnitType(), form.sortOrderOrZero());
			redirect.addFlashAttribute("flashSuccess", texts.get("organization.unit.created", form.getName().strip()));
			return "redirect:/organization/units/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(binding, e, FORM_FIELDS);
			return newPage(form, model);
		}
	}

	private String newPage(UnitForm form, Model model) {
		UnitIndex index = tree.index();
		model.addAttribute("form", form);
		model.addAttribute("root", index.isEmpty());
		model.addAttribute("parents", index.all().stream().filter(UnitIndex.Node::active).toList());
		model.addAttribute("types", index.isEmpty() ? List.of(UnitType.BRANCH)
				: Arrays.stream(UnitType.values()).filter(t -> t != UnitType.BRANCH).toList());
		return "organization/units/new";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(ADMIN)
	String editForm(@PathVariable long id, Model model) {
		UnitTree.UnitPage page = tree.page(id);
		UnitForm form = new UnitForm();
		form.setName(page.unit().name());
		form.setUnitType(page.unit().type());
		form.setSortOrder(page.unit().sortOrder());
		form.setVersion(page.version());
		return editPage(page, form, model);
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize(ADMIN)
	String edit(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return editPage(tree.page(id), form, model);
		}
		try {
			tree.edit(id, form.getVersion(), form.getName(), form.getUnitType(), form.sortOrderOrZero());
			redirect.addFlashAttribute("flashSuccess", texts.get("organization.unit.updated", form.getName().strip()));
			return "redirect:/organization/units/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(binding, e, FORM_FIELDS);
			return editPage(tree.page(id), form, model);
		}
	}

	private String editPage(UnitTree.UnitPage page, UnitForm form, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("unit", page.unit());
		model.addAttribute("form", form);
		UnitType current = page.unit().type();
		boolean fixed = current == UnitType.BRANCH || current == UnitType.EXTERNAL_AGENCY;
		model.addAttribute("types", fixed ? List.of(current)
				: Arrays.stream(UnitType.values())
					.filter(t -> t != UnitType.BRANCH && t != UnitType.EXTERNAL_AGENCY)
					.toList());
		return "organization/units/edit";
	}

	@GetMapping("/{id}/move")
	@PreAuthorize(ADMIN)
	String moveForm(@PathVariable long id, Model model) {
		UnitTree.UnitPage page = tree.page(id);
		UnitForm form = new UnitForm();
		form.setParentId(page.unit().parentId());
		form.setVersion(page.version());
		return movePage(page, form, model);
	}

	@PostMapping("/{id}/move")
	@PreAuthorize(ADMIN)
	String move(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		UnitTree.UnitPage page = tree.page(id);
		if (binding.hasErrors()) {
			return movePage(page, form, model);
		}
		try {
			tree.move(id, form.getVersion(), form.getParentId());
			String parentName = tree.index().find(form.getParentId()).map(UnitIndex.Node::name).orElse("");
			redirect.addFlashAttribute("flashSuccess",
					texts.get("organization.unit.moved", page.unit().name(), parentName));
			return "redirect:/organization/units/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(binding, e, FORM_FIELDS);
			return movePage(page, form, model);
		}
	}

	/** Every unit is offered, the unit's own subtree included, so that the refusal is explained, not hidden. */
	private String movePage(UnitTree.UnitPage page, UnitForm form, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("unit", page.unit());
		model.addAttribute("form", form);
		model.addAttribute("parents", tree.index().all().stream().filter(UnitIndex.Node::active).toList());
		return "organization/units/move";
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize(ADMIN)
	String deactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		String name = tree.page(id).unit().name();
		try {
			tree.deactivate(id, version);
			redirect.addFlashAttribute("flashSuccess", texts.get("organization.unit.deactivated", name));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", texts.of(e));
		}
		return "redirect:/organization/units/" + id;
	}

	@PostMapping("/{id}/reactivate")
	@PreAuthorize(ADMIN)
	String reactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		String name = tree.page(id).unit().name();
		try {
			tree.reactivate(id, version);
			redirect.addFlashAttribute("flashSuccess", texts.get("organization.unit.reactivated", name));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", texts.of(e));
		}
		return "redirect:/organization/units/" + id;
	}

	@PostMapping("/{id}/jurisdiction")
	@PreAuthorize(ADMIN)
	String jurisdiction(@PathVariable long id, @RequestParam int version,
			@RequestParam(defaultValue = "") String communities, @RequestParam(defaultValue = "") String roads,
			Model model, RedirectAttributes redirect) {
		try {
			tree.setJurisdiction(id, version, lines(communities), lines(roads));
			redirect.addFlashAttribute("flashSuccess",
					texts.get("organization.unit.jurisdictionSaved", tree.page(id).unit().name()));
			return "redirect:/organization/units/" + id;
		}
		catch (InvalidInputException e) {
			String page = show(id, model);
			model.addAttribute("communitiesText", communities);
			model.addAttribute("roadsText", roads);
			model.addAttribute("jurisdictionError", texts.of(e));
			return page;
		}
	}

	private static List<String> lines(String text) {
		return Arrays.asList(text.split("\\R"));
	}

}
