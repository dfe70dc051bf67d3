package cn.shouhu.portal.web;

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

import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.portal.HandlingMode;
import cn.shouhu.portal.ServiceCatalogue;

/**
 * 服务事项管理: the staff page that edits the portal's service catalogue, for system administrators and
 * coordinators (who answer for what the public is promised). Served by the staff security chain.
 */
@Controller
@RequestMapping("/portal/catalogue/admin")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COORDINATOR')")
class CatalogueController {

	private static final String FORM = "itemForm";

	private static final String LIST = "redirect:/portal/catalogue/admin";

	private final CatalogueAdmin admin;

	private final ServiceCatalogue catalogue;

	private final MatterCategories categories;

	CatalogueController(CatalogueAdmin admin, ServiceCatalogue catalogue, MatterCategories categories) {
		this.admin = admin;
		this.catalogue = catalogue;
		this.categories = categories;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("items", catalogue.all());
		return "portal/catalogue-admin";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		return page(new CatalogueForm(), null, model);
	}

	@PostMapping
	String add(@ModelAttribute(FORM) CatalogueForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		admin.check(form, binding);
		if (binding.hasErrors()) {
			return page(form, null, model);
		}
		admin.add(form);
		redirect.addFlashAttribute("flashSuccess", "portal.catalogue.added");
		return LIST;
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable("id") long id, Model model) {
		return page(CatalogueForm.of(admin.require(id)), id, model);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable("id") long id, @ModelAttribute(FORM) CatalogueForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		admin.require(id);
		admin.check(form, binding);
		if (binding.hasErrors()) {
			return page(form, id, model);
		}
		admin.edit(id, form);
		redirect.addFlashAttribute("flashSuccess", "portal.catalogue.updated");
		return LIST;
	}

	private String page(CatalogueForm form, Long id, Model model) {
		model.addAttribute(FORM, form);
		model.addAttribute("itemId", id);
		model.addAttribute("modes", HandlingMode.values());
		model.addAttribute("categories", categories.all().stream().filter(MatterCategory::active).toList());
		return "portal/catalogue-form";
	}

}
