package cn.shouhu.matters.suggestions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.shouhu.shared.CurrentStaff;

/** 分类模型: the model versions for system administrators, with 重新训练 and 设为当前. */
@Controller
@RequestMapping("/matters/suggestions/models")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class ModelsController {

	private final SuggestionModels models;

	private final SuggestionProperties properties;

	ModelsController(SuggestionModels models, SuggestionProperties properties) {
		this.models = models;
		this.properties = properties;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("versions", models.versions());
		model.addAttribute("retrain", properties.retrain());
		return "matters/suggestions/models";
	}

	@PostMapping("/retrain")
	String retrain(RedirectAttributes redirect) {
		SuggestionModels.Outcome outcome = models.retrain(CurrentStaff.require());
		redirect.addFlashAttribute("flashSuccess", outcome.activated() ? "matters-suggestions.model.retrained.active"
				: "matters-suggestions.model.retrained.kept");
		return "redirect:/matters/suggestions/models";
	}

	@PostMapping("/{id:\\d+}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		models.activate(CurrentStaff.require(), id);
		redirect.addFlashAttribute("flashSuccess", "matters-suggestions.model.activated");
		return "redirect:/matters/suggestions/models";
	}

}
