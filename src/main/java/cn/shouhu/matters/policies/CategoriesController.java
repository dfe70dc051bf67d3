package cn.shouhu.matters.policies;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.InvalidInputException;

/** 业务类别: the category dictionary for system administrators. */
@Controller
@RequestMapping("/matters/categories")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class CategoriesController {

	private static final String FORM = "categoryForm";

	private final CategoryAdmin categories;

	CategoriesController(CategoryAdmin categories) {
		this.categories = categories;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("categories", categories.all());
		Map<Long, String> unitNames = new HashMap<>();
		categories.units().forEach(unit -> unitNames.put(unit.id(), unit.name()));
		model.addAttribute("unitNames", unitNames);
		return "matters/policies/categories";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		CategoryForm form = new CategoryForm();
		form.setLeadUnitType(UnitType.STATION);
		form.setSortOrder(0);
		return page(form, true, model);
	}

	@PostMapping
	String add(@ModelAttribute(FORM) CategoryForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		categories.check(form, true, binding);
		if (binding.hasErrors()) {
			return page(form, true, model);
		}
		try {
			categories.add(form);
		}
		catch (InvalidInputException e) {
			Forms.reject(binding, e);
			return page(form, true, model);
		}
		redirect.addFlashAttribute("flashSuccess", "matters-policies.category.added");
		return "redirect:/matters/categories";
	}

	@GetMapping("/{code}/edit")
	String editForm(@PathVariable String code, Model model) {
		return page(categories.form(code), false, model);
	}

	@PostMapping("/{code}/edit")
	String edit(@PathVariable String code, @ModelAttribute(FORM) CategoryForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		form.setCode(code);
		categories.check(form, false, binding);
		if (binding.hasErrors()) {
			return page(form, false, model);
		}
		categories.edit(code, form);
		redirect.addFlashAttribute("flashSuccess", "matters-policies.category.updated");
		return "redirect:/matters/categories";
	}

	private String page(CategoryForm form, boolean adding, Model model) {
		model.addAttribute(FORM, form);
		model.addAttribute("adding", adding);
		model.addAttribute("types", UnitType.values());
		model.addAttribute("units", categories.units());
		return "matters/policies/category-form";
	}

}
