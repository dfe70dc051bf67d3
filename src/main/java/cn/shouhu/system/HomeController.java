package cn.shouhu.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.shouhu.shared.CurrentStaff;

/** The workbench every staff member lands on after signing in. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("staff", CurrentStaff.require());
		return "home";
	}

}
