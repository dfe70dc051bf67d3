package cn.shouhu.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. Spring Security handles the POST; every failure shows the same message. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "accounts/login";
	}

}
