package cn.shouhu.portal.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.portal.HandlingMode;
import cn.shouhu.portal.ServiceCatalogue;

/** The portal's home (what the station does, and the service catalogue) and its privacy notice. */
@Controller
class PortalPagesController {

	private final ServiceCatalogue catalogue;

	private final MatterCategories categories;

	PortalPagesController(ServiceCatalogue catalogue, MatterCategories categories) {
		this.catalogue = catalogue;
		this.categories = categories;
	}

	@GetMapping("/portal")
	String home(Model model) {
		model.addAttribute("portalNav", "home");
		model.addAttribute("items", catalogue.offered());
		model.addAttribute("modes", HandlingMode.values());
		Map<String, String> categoryNames = categories.all()
			.stream()
			.filter(MatterCategory::active)
			.collect(Collectors.toMap(MatterCategory::code, MatterCategory::name));
		model.addAttribute("categoryNames", categoryNames);
		return "portal/home";
	}

	@GetMapping("/portal/privacy")
	String privacy(Model model) {
		return "portal/privacy";
	}

}
