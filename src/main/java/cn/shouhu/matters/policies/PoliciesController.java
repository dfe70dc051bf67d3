package cn.shouhu.matters.policies;

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

import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.TimeLimits.Unit;
import cn.shouhu.matters.Urgency;
import cn.shouhu.shared.InvalidInputException;

/** 办理时限: the policy table for system administrators. */
@Controller
@RequestMapping("/matters/policies")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class PoliciesController {

	private static final String FORM = "policyForm";

	private final PolicyAdmin policies;

	private final CategoryAdmin categories;

	PoliciesController(PolicyAdmin policies, CategoryAdmin categories) {
		this.policies = policies;
		this.categories = categories;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rows", policies.all());
		model.addAttribute("categoryNames", Forms.categoryNames(categories.all()));
		return "matters/policies/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		PolicyForm form = new PolicyForm();
		form.setSignUnit(Unit.WORKING_DAYS);
		form.setReplyUnit(Unit.WORKING_DAYS);
		form.setCloseUnit(Unit.WORKING_DAYS);
		return page(form, null, model);
	}

	@PostMapping
	String add(@ModelAttribute(FORM) PolicyForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		policies.check(form, binding);
		if (binding.hasErrors()) {
			return page(form, null, model);
		}
		try {
			policies.add(form);
		}
		catch (InvalidInputException e) {
			Forms.reject(binding, e);
			return page(form, null, model);
		}
		redirect.addFlashAttribute("flashSuccess", "matters-policies.policy.added");
		return "redirect:/matters/policies";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		PolicyRow row = policies.get(id);
		return page(PolicyForm.of(row), row, model);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute(FORM) PolicyForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		PolicyRow row = policies.get(id);
		// The key of a row is fixed: another kind, category or urgency is another row.
		form.setKind(row.kind());
		form.setCategoryCode(row.categoryCode());
		form.setUrgency(row.urgency());
		policies.check(form, binding);
		if (binding.hasErrors()) {
			return page(form, row, model);
		}
		policies.edit(id, form);
		redirect.addFlashAttribute("flashSuccess", "matters-policies.policy.updated");
		return "redirect:/matters/policies";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			policies.delete(id);
			redirect.addFlashAttribute("flashSuccess", "matters-policies.policy.deleted");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.messageKey());
		}
		return "redirect:/matters/policies";
	}

	private String page(PolicyForm form, PolicyRow row, Model model) {
		model.addAttribute(FORM, form);
		model.addAttribute("row", row);
		model.addAttribute("kinds", MatterKind.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("units", Unit.values());
		model.addAttribute("categories", categories.all());
		model.addAttribute("categoryNames", Forms.categoryNames(categories.all()));
		return "matters/policies/form";
	}

}
